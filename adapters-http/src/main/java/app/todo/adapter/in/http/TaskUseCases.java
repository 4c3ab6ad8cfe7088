package app.todo.adapter.in.http;

import app.todo.application.port.in.CompleteTaskUseCase;
import app.todo.application.port.in.CreateTaskUseCase;
import app.todo.application.port.in.DeleteTaskUseCase;
import app.todo.application.port.in.FollowTaskChangesUseCase;
import app.todo.application.port.in.GetTaskUseCase;
import app.todo.application.port.in.ListTaskChangesUseCase;
import app.todo.application.port.in.ListTasksUseCase;
import app.todo.application.port.in.RunOnceUseCase;
import app.todo.application.port.in.UpdateTaskUseCase;

import java.util.Objects;
import java.util.stream.Stream;

/** The task use cases the task routes call, bundled so wiring passes one thing. */
public record TaskUseCases(
        ListTasksUseCase list,
        CreateTaskUseCase create,
        GetTaskUseCase get,
        UpdateTaskUseCase update,
        CompleteTaskUseCase complete,
        DeleteTaskUseCase delete,
        ListTaskChangesUseCase changes,
        RunOnceUseCase runOnce,
        FollowTaskChangesUseCase follow) {

    public TaskUseCases {
        Stream.of(list, create, get, update, complete, delete, changes, runOnce, follow).forEach(Objects::requireNonNull);
    }
}
