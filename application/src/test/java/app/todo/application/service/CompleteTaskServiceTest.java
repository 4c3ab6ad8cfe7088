package app.todo.application.service;

import app.todo.application.port.in.CompleteTaskCommand;
import app.todo.domain.task.Task;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import static app.todo.application.service.TaskServices.ALICE;
import static app.todo.application.service.TaskServices.own;
import static app.todo.application.service.TaskServices.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompleteTaskServiceTest {

    private final TaskServices s = new TaskServices();
    private final Task task = s.given(ALICE, "Buy milk");

    @Test
    void withoutABodyTogglesBackAndForth() {
        Instant first = s.clock.advance(Duration.ofMinutes(1));
        Task done = ok(s.completeAs(ALICE, task.id(), Optional.empty()));
        assertTrue(done.completed());
        assertEquals(first, done.completedAt());
        assertEquals(first, done.updatedAt());
        assertEquals(2, done.version());

        Instant second = s.clock.advance(Duration.ofMinutes(1));
        Task reopened = ok(s.completeAs(ALICE, task.id(), Optional.empty()));
        assertFalse(reopened.completed());
        assertNull(reopened.completedAt());
        assertEquals(second, reopened.updatedAt());
        assertEquals(3, reopened.version());
        assertEquals(Optional.of(reopened), s.stored(task));
    }

    @Test
    void aBodySetsTheStateAndRepeatingItChangesNothing() {
        Instant when = s.clock.advance(Duration.ofMinutes(1));
        Task done = ok(s.completeAs(ALICE, task.id(), Optional.of(true)));
        s.clock.advance(Duration.ofMinutes(1));
        Task again = ok(s.completeAs(ALICE, task.id(), Optional.of(true)));

        assertEquals(done, again);
        assertEquals(when, again.completedAt());
        assertEquals(2, again.version());
    }

    @Test
    void settingAPendingTaskToPendingKeepsItsVersion() {
        s.clock.advance(Duration.ofMinutes(1));
        assertEquals(task, ok(s.completeAs(ALICE, task.id(), Optional.of(false))));
        assertEquals(Optional.of(task), s.stored(task));
    }

    @Test
    void theMatchingVersionIsAccepted() {
        Task done = ok(s.complete.completeTask(new CompleteTaskCommand(own(ALICE), task.id(),
                Optional.empty(), OptionalLong.of(1))));
        assertEquals(2, done.version());
    }
}
