package app.todo.application.port.in;

import app.todo.domain.shared.Result;

public interface DeleteTaskUseCase {
    Result<Deleted, TaskError> deleteTask(DeleteTaskCommand command);

    /** What a successful delete returns: nothing but the fact. */
    enum Deleted { DELETED }
}
