package app.todo.application.service;

import app.todo.application.testing.MutableClock;
import app.todo.application.memory.InMemoryStore;
import app.todo.application.port.in.CompleteTaskCommand;
import app.todo.application.port.in.CompleteTaskUseCase;
import app.todo.application.port.in.CreateTaskCommand;
import app.todo.application.port.in.CreateTaskUseCase;
import app.todo.application.port.in.DeleteTaskUseCase;
import app.todo.application.port.in.FollowTaskChangesUseCase;
import app.todo.application.port.in.GetTaskQuery;
import app.todo.application.port.in.GetTaskUseCase;
import app.todo.application.port.in.ListTasksUseCase;
import app.todo.application.port.in.NewTaskFields;
import app.todo.application.port.in.TaskError;
import app.todo.application.port.in.TaskFieldChanges;
import app.todo.application.port.in.TaskOwner;
import app.todo.application.port.in.TaskUseCases;
import app.todo.application.port.in.UpdateTaskCommand;
import app.todo.application.port.in.UpdateTaskUseCase;
import app.todo.domain.shared.FieldError;
import app.todo.domain.shared.Result;
import app.todo.domain.task.Change;
import app.todo.domain.task.Task;
import app.todo.domain.task.TaskId;
import app.todo.domain.user.Role;
import app.todo.domain.user.User;
import app.todo.domain.user.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

/** Every task service wired to one in-memory store and one controllable clock, plus a few users. */
final class TaskServices {

    static final Instant START = Instant.parse("2026-11-23T17:35:01Z");
    static final User ALICE = User.newcomer(new UserId("alice"), null, "Alice", Role.USER, START);
    static final User BOB = User.newcomer(new UserId("bob"), null, "Bob", Role.USER, START);
    static final User ADMIN = User.newcomer(new UserId("root"), null, "Root", Role.ADMIN, START);

    final MutableClock clock = new MutableClock(START);
    final InMemoryStore store = new InMemoryStore();
    /** Put together as production puts them together. */
    final TaskUseCases useCases = TaskUseCasesFactory.over(store.tasks(), store.transactions(), store.idempotencyKeys(),
            store.tasks().signals(), clock, FollowTaskChangesUseCase.STREAMS_PER_INSTANCE);
    final ListTasksUseCase list = useCases.list();
    final CreateTaskUseCase create = useCases.create();
    final GetTaskUseCase get = useCases.get();
    final UpdateTaskUseCase update = useCases.update();
    final CompleteTaskUseCase complete = useCases.complete();
    final DeleteTaskUseCase delete = useCases.delete();

    /** Creates a task through the use case, as its owner, failing the test if that is refused. */
    Task given(User owner, String title) {
        return ok(create.createTask(new CreateTaskCommand(own(owner), titled(title))));
    }

    /** The task as stored now, looked up as its owner would. */
    Optional<Task> stored(Task task) {
        return store.tasks().find(task.owner(), task.id());
    }

    Result<Task, TaskError> getAs(User caller, Task task) {
        return get.getTask(new GetTaskQuery(own(caller), task.id()));
    }

    Result<Task, TaskError> updateAs(User caller, TaskId id, TaskFieldChanges changes, OptionalLong expectedVersion) {
        return update.updateTask(new UpdateTaskCommand(own(caller), id, changes, expectedVersion));
    }

    Result<Task, TaskError> completeAs(User caller, TaskId id, Optional<Boolean> completed) {
        return complete.completeTask(new CompleteTaskCommand(own(caller), id, completed, OptionalLong.empty()));
    }

    /** The user acting on their own tasks, as the application issues it. */
    static TaskOwner own(User user) {
        return ok(TaskOwner.of(user, user.id()));
    }

    static NewTaskFields titled(String title) {
        return new NewTaskFields(title, null, null, null, null, null);
    }

    static TaskFieldChanges title(Change<String> title) {
        TaskFieldChanges none = TaskFieldChanges.none();
        return new TaskFieldChanges(title, none.description(), none.completed(), none.priority(), none.dueDate(),
                none.tags());
    }

    static <T> T ok(Result<T, TaskError> result) {
        return switch (result) {
            case Result.Ok<T, TaskError> ok -> ok.value();
            case Result.Err<T, TaskError> err -> fail("expected success, got " + err.error());
        };
    }

    static <E extends TaskError> E err(Class<E> expected, Result<?, TaskError> result) {
        if (result instanceof Result.Err<?, TaskError> err) {
            return assertInstanceOf(expected, err.error());
        }
        return fail("expected " + expected.getSimpleName() + ", got " + result);
    }

    /** Asserts an InvalidTask that names exactly these fields, in this order. */
    static void assertInvalidFields(Result<?, TaskError> result, String... fields) {
        List<String> named = err(TaskError.InvalidTask.class, result).errors().stream().map(FieldError::field).toList();
        assertEquals(List.of(fields), named);
    }
}
