package app.todo.application.service;

import app.todo.application.port.in.FollowTaskChangesUseCase;
import app.todo.application.port.in.TaskUseCases;
import app.todo.application.port.out.IdempotencyKeyRepository;
import app.todo.application.port.out.TaskChangeSignals;
import app.todo.application.port.out.TaskRepository;
import app.todo.application.port.out.Transactions;

import java.time.Clock;

/**
 * The one place the task use cases are put together over their driven ports: production's wiring and the tests'
 * servers both call it, so a new task use case is added here and in {@link TaskUseCases}, nowhere else.
 */
public final class TaskUseCasesFactory {

    private TaskUseCasesFactory() {
    }

    /**
     * @param streamsPerInstance live streams this instance holds at most
     *                           ({@link FollowTaskChangesUseCase#streamsFor} of the heap in production)
     */
    public static TaskUseCases over(TaskRepository tasks, Transactions transactions, IdempotencyKeyRepository keys,
                                    TaskChangeSignals signals, Clock clock, int streamsPerInstance) {
        return new TaskUseCases(
                new ListTasksService(tasks),
                new CreateTaskService(tasks, clock),
                new GetTaskService(tasks),
                new UpdateTaskService(tasks, transactions, clock),
                new CompleteTaskService(tasks, transactions, clock),
                new DeleteTaskService(tasks, transactions, clock),
                new ListTaskChangesService(tasks),
                new RunOnceService(keys, transactions, clock),
                new FollowTaskChangesService(tasks, signals, FollowTaskChangesUseCase.STREAMS_PER_USER, streamsPerInstance));
    }
}
