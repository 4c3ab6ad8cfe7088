package app.todo.application.port.in;

import app.todo.domain.shared.Result;
import app.todo.domain.task.TaskPage;

public interface ListTasksUseCase {
    Result<TaskPage, TaskError> listTasks(ListTasksQuery query);
}
