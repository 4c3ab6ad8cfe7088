package app.todo.adapter.http.counterexample;

import app.todo.adapter.persistence.counterexample.RawStore;

/** Counterexample: an HTTP adapter that bypasses the ports and reads the store directly. */
public record PeekingRoutes(RawStore store) {
}
