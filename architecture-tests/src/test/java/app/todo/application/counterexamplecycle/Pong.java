package app.todo.application.counterexamplecycle;

import app.todo.application.counterexample.Ping;

/** Counterexample: the other half of a cycle between two application packages. */
public record Pong(Ping ping) {
}
