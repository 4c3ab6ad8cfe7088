package app.todo.adapter.out.persistence.counterexample;

/** Counterexample: some persistence adapter class. */
public final class RawStore {
}
