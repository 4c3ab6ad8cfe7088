package app.todo.application.service;

import app.todo.application.port.in.CompleteTaskCommand;
import app.todo.application.port.in.CreateTaskCommand;
import app.todo.application.port.in.DeleteTaskCommand;
import app.todo.application.port.in.GetTaskQuery;
import app.todo.application.port.in.ListTasksQuery;
import app.todo.application.port.in.TaskError;
import app.todo.application.port.in.TaskOwner;
import app.todo.application.port.in.UpdateTaskCommand;
import app.todo.domain.shared.Result;
import app.todo.domain.task.Change;
import app.todo.domain.task.PageRequest;
import app.todo.domain.task.Task;
import app.todo.domain.task.TaskFilter;
import app.todo.domain.task.TaskId;
import app.todo.domain.task.TaskSort;
import app.todo.domain.user.User;
import app.todo.domain.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

import static app.todo.application.service.TaskServices.ADMIN;
import static app.todo.application.service.TaskServices.ALICE;
import static app.todo.application.service.TaskServices.BOB;
import static app.todo.application.service.TaskServices.err;
import static app.todo.application.service.TaskServices.title;
import static app.todo.application.service.TaskServices.titled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The rules every task use case applies before touching a task: the path's owner must be the caller
 * (admins included), checked once where the application issues a {@link TaskOwner}, which every task use case
 * needs; another user's task is indistinguishable from a missing one, and a stale version changes nothing. After
 * each refusal, every stored task is exactly as it was.
 */
class TaskAccessRulesTest {

    /** One use case, called on the owner's task {@code id}, if it takes one. */
    @FunctionalInterface
    interface Call {
        Result<?, TaskError> run(TaskServices s, TaskOwner owner, TaskId id, OptionalLong version);

        /** The call as {@code caller} makes it on {@code owner}'s tasks: first the owner, as the edge asks for it. */
        default Result<?, TaskError> as(TaskServices s, User caller, UserId owner, TaskId id, OptionalLong version) {
            return switch (TaskOwner.of(caller, owner)) {
                case Result.Ok<TaskOwner, TaskError> ok -> run(s, ok.value(), id, version);
                case Result.Err<TaskOwner, TaskError> refused -> refused;
            };
        }
    }

    private static final Call LIST = (s, owner, id, v) -> s.list.listTasks(
            new ListTasksQuery(owner, TaskFilter.EVERYTHING, TaskSort.NEWEST_FIRST, PageRequest.FIRST));
    private static final Call CREATE = (s, owner, id, v) -> s.create.createTask(
            new CreateTaskCommand(owner, titled("Intruder")));
    private static final Call GET = (s, owner, id, v) -> s.get.getTask(new GetTaskQuery(owner, id));
    private static final Call UPDATE = (s, owner, id, v) -> s.update.updateTask(
            new UpdateTaskCommand(owner, id, title(Change.to("Changed")), v));
    private static final Call COMPLETE = (s, owner, id, v) -> s.complete.completeTask(
            new CompleteTaskCommand(owner, id, Optional.empty(), v));
    private static final Call DELETE = (s, owner, id, v) -> s.delete.deleteTask(
            new DeleteTaskCommand(owner, id, v));

    static Stream<Arguments> everyUseCase() {
        return Stream.of(arguments("list", LIST), arguments("create", CREATE), arguments("get", GET),
                arguments("update", UPDATE), arguments("complete", COMPLETE), arguments("delete", DELETE));
    }

    static Stream<Arguments> useCasesOnOneTask() {
        return everyUseCase().filter(a -> a.get()[1] != LIST && a.get()[1] != CREATE);
    }

    static Stream<Arguments> writesOnOneTask() {
        return useCasesOnOneTask().filter(a -> a.get()[1] != GET);
    }

    private final TaskServices s = new TaskServices();
    private final Task bobs = s.given(BOB, "Bob's");
    private final Task alices = s.given(ALICE, "Alice's");

    @BeforeEach
    void timePasses() {
        s.clock.advance(Duration.ofMinutes(1));
    }

    @AfterEach
    void nothingChanged() {
        assertEquals(Optional.of(bobs), s.stored(bobs));
        assertEquals(Optional.of(alices), s.stored(alices));
        for (User user : List.of(ALICE, BOB, ADMIN)) {
            long expected = user == ADMIN ? 0 : 1;
            assertEquals(expected, s.store.tasks()
                    .list(user.id(), TaskFilter.EVERYTHING, TaskSort.NEWEST_FIRST, PageRequest.FIRST).total());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyUseCase")
    void anotherOwnersPathIsNotYourTasksEvenForAnAdmin(String name, Call call) {
        for (User caller : List.of(ALICE, ADMIN)) {
            TaskError.NotYourTasks refused = err(TaskError.NotYourTasks.class,
                    call.as(s, caller, BOB.id(), bobs.id(), OptionalLong.empty()));
            assertEquals("bob", refused.ownerId());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("useCasesOnOneTask")
    void anotherUsersTaskLooksExactlyLikeAMissingOne(String name, Call call) {
        TaskError.TaskNotFound foreign = err(TaskError.TaskNotFound.class,
                call.as(s, ALICE, ALICE.id(), bobs.id(), OptionalLong.empty()));
        TaskError.TaskNotFound missing = err(TaskError.TaskNotFound.class,
                call.as(s, ALICE, ALICE.id(), new TaskId(999), OptionalLong.empty()));

        assertEquals(bobs.id().value(), foreign.taskId());
        assertEquals(999, missing.taskId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writesOnOneTask")
    void aStaleVersionIsRefusedAndChangesNothing(String name, Call call) {
        TaskError.StaleVersion stale = err(TaskError.StaleVersion.class,
                call.as(s, ALICE, ALICE.id(), alices.id(), OptionalLong.of(7)));

        assertEquals(new TaskError.StaleVersion(7, 1), stale);
    }
}
