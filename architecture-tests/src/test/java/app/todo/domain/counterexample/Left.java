package app.todo.domain.counterexample;

import app.todo.domain.counterexamplecycle.Right;

/** Counterexample: one half of a cycle between two domain packages. */
public record Left(Right right) {
}
