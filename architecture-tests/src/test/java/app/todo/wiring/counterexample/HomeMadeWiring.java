package app.todo.wiring.counterexample;

import app.todo.adapter.in.http.counterexample.TaskHandler;
import app.todo.adapter.out.persistence.counterexample.RawStore;

/** Counterexample: wiring both adapters outside bootstrap. */
public record HomeMadeWiring(TaskHandler http, RawStore persistence) {
}
