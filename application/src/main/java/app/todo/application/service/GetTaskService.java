package app.todo.application.service;

import app.todo.application.port.in.GetTaskQuery;
import app.todo.application.port.in.GetTaskUseCase;
import app.todo.application.port.in.TaskError;
import app.todo.application.port.out.TaskRepository;
import app.todo.domain.shared.Result;
import app.todo.domain.task.Task;

public final class GetTaskService implements GetTaskUseCase {

    private final TaskRepository tasks;

    public GetTaskService(TaskRepository tasks) {
        this.tasks = tasks;
    }

    @Override
    public Result<Task, TaskError> getTask(GetTaskQuery query) {
        return TaskAccess.found(tasks.find(query.owner().id(), query.taskId()), query.taskId());
    }
}
