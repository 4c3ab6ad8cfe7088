package app.todo.application.service;

import app.todo.application.port.in.CreateTaskCommand;
import app.todo.application.port.in.NewTaskFields;
import app.todo.application.port.in.TaskError;
import app.todo.domain.shared.Result;
import app.todo.domain.task.Description;
import app.todo.domain.task.PageRequest;
import app.todo.domain.task.Priority;
import app.todo.domain.task.Task;
import app.todo.domain.task.TaskFilter;
import app.todo.domain.task.TaskSort;
import app.todo.domain.task.Title;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static app.todo.application.service.TaskServices.ALICE;
import static app.todo.application.service.TaskServices.own;
import static app.todo.application.service.TaskServices.assertInvalidFields;
import static app.todo.application.service.TaskServices.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CreateTaskServiceTest {

    private final TaskServices s = new TaskServices();

    @Test
    void storesAValidatedTaskAtVersionOne() {
        Instant now = s.clock.advance(Duration.ofNanos(1_234_567));
        Task task = ok(create(new NewTaskFields("  Buy milk ", "2 litres", null, "high", "2026-12-01",
                List.of("Home", "errands", "HOME"))));

        assertEquals(new Title("Buy milk"), task.title());
        assertEquals(new Description("2 litres"), task.description());
        assertEquals(Priority.HIGH, task.priority());
        assertEquals(LocalDate.of(2026, 12, 1), task.dueDate());
        assertEquals(List.of("home", "errands"), task.tags().asStrings());
        assertEquals(1, task.version());
        assertFalse(task.completed());
        assertEquals(now.minusNanos(567), task.createdAt(), "kept to the microsecond, as databases keep it");
        assertEquals(task.createdAt(), task.updatedAt());
        assertEquals(ALICE.id(), task.owner());
        assertEquals(Optional.of(task), s.stored(task));
    }

    @Test
    void absentFieldsTakeTheirDefaults() {
        Task task = ok(create(TaskServices.titled("Buy milk")));
        assertEquals(Priority.MEDIUM, task.priority());
        assertNull(task.description());
        assertNull(task.dueDate());
        assertTrue(task.tags().values().isEmpty());
        assertNull(task.completedAt());
    }

    @Test
    void aTaskCreatedCompletedIsCompletedNow() {
        Task task = ok(create(new NewTaskFields("Done already", null, true, null, null, null)));
        assertTrue(task.completed());
        assertEquals(task.createdAt(), task.completedAt());
    }

    @Test
    void namesEveryBadFieldAtOnceAndStoresNothing() {
        List<String> elevenTags = IntStream.rangeClosed(1, 11).mapToObj(i -> "t" + i).toList();
        Result<Task, TaskError> result = create(new NewTaskFields("   ", "x".repeat(1001), null, "urgent",
                "2026-02-30", elevenTags));

        assertInvalidFields(result, "title", "description", "priority", "due_date", "tags");
        assertEquals(0, s.store.tasks().list(ALICE.id(), TaskFilter.EVERYTHING, TaskSort.NEWEST_FIRST,
                PageRequest.FIRST).total());
    }

    @Test
    void aMissingTitleOrADateTimeIsInvalid() {
        assertInvalidFields(create(new NewTaskFields(null, null, null, null, "2026-12-01T10:00:00Z", null)),
                "title", "due_date");
    }

    private Result<Task, TaskError> create(NewTaskFields fields) {
        return s.create.createTask(new CreateTaskCommand(own(ALICE), fields));
    }
}
