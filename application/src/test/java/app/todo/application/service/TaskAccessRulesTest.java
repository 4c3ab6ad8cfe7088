package app.todo.application.service;

import app.todo.application.port.in.CompleteTaskCommand;
import app.todo.application.port.in.CreateTaskCommand;
import app.todo.application.port.in.DeleteTaskCommand;
import app.todo.application.port.in.GetTaskQuery;
import app.todo.application.port.in.ListTasksQuery;
import app.todo.application.port.in.TaskError;
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
 * (admins included), another user's task is indistinguishable from a missing one, and a stale
 * version changes nothing.
 */
class TaskAccessRulesTest {

    /** One use case, called by {@code caller} on {@code owner}'s task {@code id}, if it takes one. */
    @FunctionalInterface
    interface Call {
        Result<?, TaskError> run(TaskServices s, User caller, UserId owner, TaskId id, OptionalLong version);
    }

    private static final Call LIST = (s, caller, owner, id, v) -> s.list.listTasks(
            new ListTasksQuery(caller, owner, TaskFilter.EVERYTHING, TaskSort.NEWEST_FIRST, PageRequest.FIRST));
    private static final Call CREATE = (s, caller, owner, id, v) -> s.create.createTask(
            new CreateTaskCommand(caller, owner, titled("Intruder")));
    private static final Call GET = (s, caller, owner, id, v) -> s.get.getTask(new GetTaskQuery(caller, owner, id));
    private static final Call UPDATE = (s, caller, owner, id, v) -> s.update.updateTask(
            new UpdateTaskCommand(caller, owner, id, title(Change.to("Changed")), v));
    private static final Call COMPLETE = (s, caller, owner, id, v) -> s.complete.completeTask(
            new CompleteTaskCommand(caller, owner, id, Optional.empty(), v));
    private static final Call DELETE = (s, caller, owner, id, v) -> s.delete.deleteTask(
            new DeleteTaskCommand(caller, owner, id, v));

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

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyUseCase")
    void anotherOwnersPathIsNotYourTasksEvenForAnAdmin(String name, Call call) {
        TaskServices s = new TaskServices();
        Task bobs = s.given(BOB, "Bob's");
        s.clock.advance(Duration.ofMinutes(1));

        for (User caller : List.of(ALICE, ADMIN)) {
            TaskError.NotYourTasks refused = err(TaskError.NotYourTasks.class,
                    call.run(s, caller, BOB.id(), bobs.id(), OptionalLong.empty()));
            assertEquals("bob", refused.ownerId());
        }
        assertUntouched(s, bobs);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("useCasesOnOneTask")
    void anotherUsersTaskLooksExactlyLikeAMissingOne(String name, Call call) {
        TaskServices s = new TaskServices();
        Task bobs = s.given(BOB, "Bob's");
        s.clock.advance(Duration.ofMinutes(1));

        TaskError.TaskNotFound foreign = err(TaskError.TaskNotFound.class,
                call.run(s, ALICE, ALICE.id(), bobs.id(), OptionalLong.empty()));
        TaskError.TaskNotFound missing = err(TaskError.TaskNotFound.class,
                call.run(s, ALICE, ALICE.id(), new TaskId(999), OptionalLong.empty()));

        assertEquals(bobs.id().value(), foreign.taskId());
        assertEquals(999, missing.taskId());
        assertUntouched(s, bobs);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writesOnOneTask")
    void aStaleVersionIsRefusedAndChangesNothing(String name, Call call) {
        TaskServices s = new TaskServices();
        Task task = s.given(ALICE, "Mine");
        s.clock.advance(Duration.ofMinutes(1));

        TaskError.StaleVersion stale = err(TaskError.StaleVersion.class,
                call.run(s, ALICE, ALICE.id(), task.id(), OptionalLong.of(7)));

        assertEquals(new TaskError.StaleVersion(7, 1), stale);
        assertUntouched(s, task);
    }

    /** The store holds the task exactly as it was, and nothing was added for anyone. */
    private static void assertUntouched(TaskServices s, Task task) {
        assertEquals(Optional.of(task), s.stored(task));
        for (User user : List.of(ALICE, BOB, ADMIN)) {
            long expected = user.id().equals(task.owner()) ? 1 : 0;
            assertEquals(expected, s.store.tasks()
                    .list(user.id(), TaskFilter.EVERYTHING, TaskSort.NEWEST_FIRST, PageRequest.FIRST).total());
        }
    }
}
