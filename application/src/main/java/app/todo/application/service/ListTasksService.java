package app.todo.application.service;

import app.todo.application.port.in.ListTasksQuery;
import app.todo.application.port.in.ListTasksUseCase;
import app.todo.application.port.in.TaskError;
import app.todo.application.port.out.TaskRepository;
import app.todo.domain.shared.Result;
import app.todo.domain.task.TaskPage;

public final class ListTasksService implements ListTasksUseCase {

    private final TaskRepository tasks;

    public ListTasksService(TaskRepository tasks) {
        this.tasks = tasks;
    }

    @Override
    public Result<TaskPage, TaskError> listTasks(ListTasksQuery query) {
        return Result.ok(tasks.list(query.owner().id(), query.filter(), query.sort(), query.page()));
    }
}
