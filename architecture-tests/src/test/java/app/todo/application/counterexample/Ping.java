package app.todo.application.counterexample;

import app.todo.application.counterexamplecycle.Pong;

/** Counterexample: one half of a cycle between two application packages. */
public record Ping(Pong pong) {
}
