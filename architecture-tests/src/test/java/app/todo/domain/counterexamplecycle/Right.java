package app.todo.domain.counterexamplecycle;

import app.todo.domain.counterexample.Left;

/** Counterexample: the other half of a cycle between two domain packages. */
public record Right(Left left) {
}
