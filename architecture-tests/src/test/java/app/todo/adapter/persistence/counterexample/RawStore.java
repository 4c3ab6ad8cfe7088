package app.todo.adapter.persistence.counterexample;

/** Counterexample: some persistence adapter class. */
public final class RawStore {
}
