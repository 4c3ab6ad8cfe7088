package app.todo.application.service;

import app.todo.application.port.in.CreateTaskCommand;
import app.todo.application.port.in.CreateTaskUseCase;
import app.todo.application.port.in.TaskError;
import app.todo.application.port.out.TaskRepository;
import app.todo.domain.shared.Result;
import app.todo.domain.task.Task;

import java.time.Clock;

public final class CreateTaskService implements CreateTaskUseCase {

    private final TaskRepository tasks;
    private final Clock clock;

    public CreateTaskService(TaskRepository tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    public Result<Task, TaskError> createTask(CreateTaskCommand command) {
        return TaskFieldsValidator.newTask(command.owner().id(), command.fields())
                // add() is atomic on its own: no transaction of ours, so a store that can write the
                // task and its tags in one statement does so in one round trip.
                .map(draft -> tasks.add(draft, Times.now(clock)));
    }
}
