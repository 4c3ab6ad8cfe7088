package app.todo.adapter.in.http.counterexample;

import app.todo.adapter.out.persistence.counterexample.RawStore;

/** Counterexample: an HTTP adapter that bypasses the ports and reads the store directly. */
public record PeekingRoutes(RawStore store) {
}
