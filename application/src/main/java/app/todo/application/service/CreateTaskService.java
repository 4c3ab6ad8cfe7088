package app.todo.application.service;

import app.todo.application.port.in.CreateTaskCommand;
import app.todo.application.port.in.CreateTaskUseCase;
import app.todo.application.port.in.TaskError;
import app.todo.application.port.out.TaskRepository;
import app.todo.application.port.out.Transactions;
import app.todo.domain.shared.Result;
import app.todo.domain.task.Task;

import java.time.Clock;

public final class CreateTaskService implements CreateTaskUseCase {

    private final TaskRepository tasks;
    private final Transactions transactions;
    private final Clock clock;

    public CreateTaskService(TaskRepository tasks, Transactions transactions, Clock clock) {
        this.tasks = tasks;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Result<Task, TaskError> createTask(CreateTaskCommand command) {
        return TaskAccess.asOwner(command.caller(), command.owner(),
                () -> TaskFieldsValidator.newTask(command.owner(), command.fields())
                        .map(draft -> transactions.inTransaction(() -> tasks.add(draft, Times.now(clock)))));
    }
}
