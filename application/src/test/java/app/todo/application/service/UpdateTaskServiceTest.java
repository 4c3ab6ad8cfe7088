package app.todo.application.service;

import app.todo.application.port.in.CreateTaskCommand;
import app.todo.application.port.in.NewTaskFields;
import app.todo.application.port.in.TaskError;
import app.todo.application.port.in.TaskFieldChanges;
import app.todo.domain.shared.Result;
import app.todo.domain.task.Change;
import app.todo.domain.task.Priority;
import app.todo.domain.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static app.todo.application.service.TaskServices.ALICE;
import static app.todo.application.service.TaskServices.own;
import static app.todo.application.service.TaskServices.assertInvalidFields;
import static app.todo.application.service.TaskServices.ok;
import static app.todo.application.service.TaskServices.title;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpdateTaskServiceTest {

    private final TaskServices s = new TaskServices();
    private Task task;
    private Instant later;

    @BeforeEach
    void aStoredTaskAndTimePassing() {
        task = ok(s.create.createTask(new CreateTaskCommand(own(ALICE),
                new NewTaskFields("Buy milk", "2 litres", false, "low", "2026-12-01",
                        List.of("home")))));
        later = s.clock.advance(Duration.ofMinutes(5));
    }

    @Test
    void changesTheFieldsPresentAndOnlyThose() {
        Task updated = ok(update(new TaskFieldChanges(Change.to(" Buy bread "), Change.keep(), Change.keep(),
                Change.to("high"), Change.keep(), Change.to(List.of("Shop", "shop"))), OptionalLong.of(1)));

        assertEquals("Buy bread", updated.title().value());
        assertEquals(Priority.HIGH, updated.priority());
        assertEquals(List.of("shop"), updated.tags().asStrings());
        assertEquals(task.description(), updated.description());
        assertEquals(task.dueDate(), updated.dueDate());
        assertEquals(2, updated.version());
        assertEquals(later, updated.updatedAt());
        assertEquals(task.createdAt(), updated.createdAt());
        assertEquals(Optional.of(updated), s.stored(task));
    }

    @Test
    void nullClearsDescriptionAndDueDate() {
        Task updated = ok(update(new TaskFieldChanges(Change.keep(), Change.to(null), Change.keep(), Change.keep(),
                Change.to(null), Change.keep()), OptionalLong.empty()));
        assertNull(updated.description());
        assertNull(updated.dueDate());
        assertEquals(2, updated.version());
    }

    @Test
    void settingCompletedStampsCompletedAt() {
        Task updated = ok(update(new TaskFieldChanges(Change.keep(), Change.keep(), Change.to(true), Change.keep(),
                Change.keep(), Change.keep()), OptionalLong.empty()));
        assertTrue(updated.completed());
        assertEquals(later, updated.completedAt());
    }

    @Test
    void aChangeToTheSameValuesKeepsVersionAndUpdatedAt() {
        Task same = ok(update(new TaskFieldChanges(Change.to("Buy milk "), Change.to("2 litres"), Change.to(false),
                Change.to("low"), Change.to("2026-12-01"), Change.to(List.of("HOME"))), OptionalLong.of(1)));

        assertEquals(1, same.version());
        assertEquals(task.updatedAt(), same.updatedAt());
        assertSame(s.stored(task).orElseThrow(), same);
        assertEquals(Optional.of(task), s.stored(task));
    }

    @Test
    void aBodyWithNoFieldIsInvalid() {
        assertInvalidFields(update(TaskFieldChanges.none(), OptionalLong.empty()), "body");
        assertEquals(Optional.of(task), s.stored(task));
    }

    @ParameterizedTest
    @ValueSource(strings = {"title", "completed", "priority", "tags"})
    void requiredFieldsCannotBeSetToNull(String field) {
        TaskFieldChanges none = TaskFieldChanges.none();
        TaskFieldChanges nulled = switch (field) {
            case "title" -> title(Change.to(null));
            case "completed" -> new TaskFieldChanges(none.title(), none.description(), Change.to(null),
                    none.priority(), none.dueDate(), none.tags());
            case "priority" -> new TaskFieldChanges(none.title(), none.description(), none.completed(),
                    Change.to(null), none.dueDate(), none.tags());
            default -> new TaskFieldChanges(none.title(), none.description(), none.completed(), none.priority(),
                    none.dueDate(), Change.to(null));
        };
        assertInvalidFields(update(nulled, OptionalLong.empty()), field);
        assertEquals(Optional.of(task), s.stored(task));
    }

    @Test
    void namesEveryBadFieldAtOnceAndChangesNothing() {
        Result<Task, TaskError> result = update(new TaskFieldChanges(Change.to(" "), Change.to("x".repeat(1001)),
                Change.to(null), Change.to("urgent"), Change.to("2026-1-5"), Change.to(List.of("x".repeat(31)))),
                OptionalLong.of(1));

        assertInvalidFields(result, "title", "description", "completed", "priority", "due_date", "tags");
        assertEquals(Optional.of(task), s.stored(task));
    }

    @Test
    void aValidFieldNextToAnInvalidOneIsNotApplied() {
        assertInvalidFields(update(new TaskFieldChanges(Change.to("New title"), Change.keep(), Change.keep(),
                Change.keep(), Change.to("2026-12-01T10:00:00Z"), Change.keep()), OptionalLong.empty()), "due_date");
        assertEquals(Optional.of(task), s.stored(task));
    }

    private Result<Task, TaskError> update(TaskFieldChanges changes, OptionalLong expectedVersion) {
        return s.updateAs(ALICE, task.id(), changes, expectedVersion);
    }
}
