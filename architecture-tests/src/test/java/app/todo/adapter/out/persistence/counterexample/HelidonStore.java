package app.todo.adapter.out.persistence.counterexample;

import io.helidon.http.Status;

/** Breaks "driven adapters ignore Helidon": a store that speaks in HTTP statuses. */
public final class HelidonStore {

    public Status save() {
        return Status.CREATED_201;
    }
}
