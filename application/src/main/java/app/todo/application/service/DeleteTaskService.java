package app.todo.application.service;

import app.todo.application.port.in.DeleteTaskCommand;
import app.todo.application.port.in.DeleteTaskUseCase;
import app.todo.application.port.in.TaskError;
import app.todo.application.port.out.TaskRepository;
import app.todo.application.port.out.Transactions;
import app.todo.domain.shared.Result;

import java.time.Clock;

public final class DeleteTaskService implements DeleteTaskUseCase {

    private final TaskRepository tasks;
    private final Transactions transactions;
    private final Clock clock;

    public DeleteTaskService(TaskRepository tasks, Transactions transactions, Clock clock) {
        this.tasks = tasks;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Result<Deleted, TaskError> deleteTask(DeleteTaskCommand command) {
        return transactions.inTransaction(() ->
                TaskAccess.found(tasks.findForUpdate(command.owner().id(), command.taskId()), command.taskId())
                        .flatMap(task -> TaskAccess.atVersion(task, command.expectedVersion()))
                        .map(task -> {
                            tasks.delete(command.owner().id(), command.taskId(), Times.now(clock));
                            return Deleted.DELETED;
                        }));
    }
}
