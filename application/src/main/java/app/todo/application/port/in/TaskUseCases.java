package app.todo.application.port.in;


import java.util.Objects;
import java.util.stream.Stream;

/**
 * Every task use case, bundled so that an adapter that drives them (the HTTP routes, the MCP tools) takes one
 * thing. {@code TaskUseCasesFactory} puts them together, for production and tests alike.
 */
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
