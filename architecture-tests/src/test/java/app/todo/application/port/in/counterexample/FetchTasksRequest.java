package app.todo.application.port.in.counterexample;

/** Counterexample: a use case's input named neither *Command nor *Query. */
public record FetchTasksRequest(String owner) {
}
