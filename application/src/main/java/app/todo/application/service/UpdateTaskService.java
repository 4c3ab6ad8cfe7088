package app.todo.application.service;

import app.todo.application.port.in.TaskError;
import app.todo.application.port.in.UpdateTaskCommand;
import app.todo.application.port.in.UpdateTaskUseCase;
import app.todo.application.port.out.TaskRepository;
import app.todo.application.port.out.Transactions;
import app.todo.domain.shared.Result;
import app.todo.domain.task.Task;
import app.todo.domain.task.TaskChanges;

import java.time.Clock;

public final class UpdateTaskService implements UpdateTaskUseCase {

    private final TaskRepository tasks;
    private final Transactions transactions;
    private final Clock clock;

    public UpdateTaskService(TaskRepository tasks, Transactions transactions, Clock clock) {
        this.tasks = tasks;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Result<Task, TaskError> updateTask(UpdateTaskCommand command) {
        return TaskFieldsValidator.changes(command.changes())
                        .flatMap(changes -> transactions.inTransaction(() -> apply(command, changes)));
    }

    private Result<Task, TaskError> apply(UpdateTaskCommand command, TaskChanges changes) {
        return TaskAccess.found(tasks.findForUpdate(command.owner().id(), command.taskId()), command.taskId())
                .flatMap(task -> TaskAccess.atVersion(task, command.expectedVersion()))
                .map(task -> TaskWrites.save(tasks, task, task.apply(changes, Times.now(clock))));
    }
}
