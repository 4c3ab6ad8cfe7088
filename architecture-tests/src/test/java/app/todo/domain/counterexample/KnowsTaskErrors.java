package app.todo.domain.counterexample;

import app.todo.application.port.in.TaskError;

/** Counterexample: the model depending on a use case's error type, which itself depends on the model. */
public record KnowsTaskErrors(TaskError error) {
}
