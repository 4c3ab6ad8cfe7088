package app.todo.application.service;

import app.todo.application.port.in.CompleteTaskCommand;
import app.todo.application.port.in.CompleteTaskUseCase;
import app.todo.application.port.in.TaskError;
import app.todo.application.port.out.TaskRepository;
import app.todo.application.port.out.Transactions;
import app.todo.domain.shared.Result;
import app.todo.domain.task.Task;

import java.time.Clock;
import java.time.Instant;

public final class CompleteTaskService implements CompleteTaskUseCase {

    private final TaskRepository tasks;
    private final Transactions transactions;
    private final Clock clock;

    public CompleteTaskService(TaskRepository tasks, Transactions transactions, Clock clock) {
        this.tasks = tasks;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Result<Task, TaskError> completeTask(CompleteTaskCommand command) {
        return transactions.inTransaction(() ->
                TaskAccess.found(tasks.findForUpdate(command.owner().id(), command.taskId()), command.taskId())
                        .flatMap(task -> TaskAccess.atVersion(task, command.expectedVersion()))
                        .map(task -> TaskWrites.save(tasks, task, completed(task, command, Times.now(clock)))));
    }

    private static Task completed(Task task, CompleteTaskCommand command, Instant now) {
        return command.completed()
                .map(done -> task.markCompleted(done, now))
                .orElseGet(() -> task.toggleCompleted(now));
    }
}
