package app.todo.application.port.in.counterexample;

/** Counterexample: an incoming port whose name does not say it is a use case. */
public interface FetchTasks {
    void fetch(FetchTasksRequest request);
}
