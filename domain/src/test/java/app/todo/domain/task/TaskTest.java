package app.todo.domain.task;

import app.todo.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static app.todo.domain.task.TaskBuilder.OWNER;
import static app.todo.domain.task.TaskBuilder.T0;
import static app.todo.domain.task.TaskBuilder.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskTest {

    private static final Instant LATER = T0.plusSeconds(60);

    @Test
    void startsAtVersionOneCreatedAndUpdatedNow() {
        NewTask draft = new NewTask(OWNER, new Title("Buy milk"), null, false, Priority.DEFAULT, null, Tags.NONE);
        Task task = Task.created(new TaskId(7), draft, T0);
        assertEquals(1, task.version());
        assertEquals(T0, task.createdAt());
        assertEquals(T0, task.updatedAt());
        assertNull(task.completedAt());
        assertTrue(task.isOwnedBy(OWNER));
        assertFalse(task.isOwnedBy(new UserId("someone-else")));
    }

    @Test
    void aTaskCreatedCompletedIsCompletedNow() {
        NewTask draft = new NewTask(OWNER, new Title("Done"), null, true, Priority.DEFAULT, null, Tags.NONE);
        assertEquals(T0, Task.created(new TaskId(1), draft, T0).completedAt());
    }

    @Test
    void aRealChangeMovesVersionAndUpdatedAtOnly() {
        Task before = task(1).description("old").due("2026-12-01").build();
        Task after = before.apply(changes(Change.to(new Title("Buy bread")), Change.to(null), Change.keep(),
                Change.to(Priority.HIGH), Change.to(null), Change.to(Tags.of(List.of("home")))), LATER);

        assertEquals(new Title("Buy bread"), after.title());
        assertNull(after.description());
        assertNull(after.dueDate());
        assertEquals(Priority.HIGH, after.priority());
        assertEquals(List.of("home"), after.tags().asStrings());
        assertEquals(2, after.version());
        assertEquals(LATER, after.updatedAt());
        assertEquals(before.createdAt(), after.createdAt());
        assertEquals(before.id(), after.id());
        assertEquals(before.owner(), after.owner());
        assertFalse(after.completed());
    }

    @Test
    void aChangeToTheSameValuesReturnsTheVeryTask() {
        Task before = task(1).description("2 litres").due("2026-12-01").tags("home").priority(Priority.LOW).build();
        TaskChanges sameValues = changes(Change.to(new Title("  Buy milk ")), Change.to(new Description("2 litres")),
                Change.to(false), Change.to(Priority.LOW), Change.to(LocalDate.parse("2026-12-01")),
                Change.to(Tags.of(List.of("HOME"))));

        assertSame(before, before.apply(sameValues, LATER));
        assertSame(before, before.apply(changes(Change.keep(), Change.keep(), Change.keep(), Change.keep(),
                Change.keep(), Change.keep()), LATER));
    }

    @Test
    void completingSetsCompletedAtAndReopeningClearsIt() {
        Task open = task(1).build();
        Task done = open.markCompleted(true, LATER);
        assertTrue(done.completed());
        assertEquals(LATER, done.completedAt());
        assertEquals(2, done.version());

        Instant evenLater = LATER.plusSeconds(1);
        Task reopened = done.markCompleted(false, evenLater);
        assertFalse(reopened.completed());
        assertNull(reopened.completedAt());
        assertEquals(evenLater, reopened.updatedAt());
        assertEquals(3, reopened.version());
    }

    @Test
    void markingAsItAlreadyIsChangesNothing() {
        Task done = task(1).completed(true).build();
        assertSame(done, done.markCompleted(true, LATER));
        Task open = task(2).build();
        assertSame(open, open.markCompleted(false, LATER));
    }

    @Test
    void aChangeThatKeepsCompletionKeepsCompletedAt() {
        Task done = task(1).completed(true).build();
        Task retitled = done.apply(changes(Change.to(new Title("Other")), Change.keep(), Change.keep(),
                Change.keep(), Change.keep(), Change.keep()), LATER);
        assertEquals(done.completedAt(), retitled.completedAt());
    }

    @Test
    void toggleFlipsCompletion() {
        Task once = task(1).build().toggleCompleted(LATER);
        Task twice = once.toggleCompleted(LATER.plusSeconds(1));
        assertTrue(once.completed());
        assertFalse(twice.completed());
        assertEquals(3, twice.version());
        assertTrue(twice.hasVersion(3));
        assertFalse(twice.hasVersion(2));
    }

    @Test
    void refusesInconsistentCompletionOrVersionZero() {
        Task valid = task(1).build();
        assertThrows(IllegalArgumentException.class, () -> new Task(valid.id(), OWNER, valid.title(), null, true,
                Priority.LOW, null, Tags.NONE, T0, T0, null, 1));
        assertThrows(IllegalArgumentException.class, () -> new Task(valid.id(), OWNER, valid.title(), null, false,
                Priority.LOW, null, Tags.NONE, T0, T0, T0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Task(valid.id(), OWNER, valid.title(), null, false,
                Priority.LOW, null, Tags.NONE, T0, T0, null, 0));
    }

    @Test
    void changesCannotClearRequiredFields() {
        assertThrows(IllegalArgumentException.class, () -> changes(Change.to(null), Change.keep(), Change.keep(),
                Change.keep(), Change.keep(), Change.keep()));
        assertThrows(IllegalArgumentException.class, () -> changes(Change.keep(), Change.keep(), Change.keep(),
                Change.to(null), Change.keep(), Change.keep()));
        assertTrue(changes(Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep(),
                Change.keep()).isEmpty());
        assertFalse(changes(Change.keep(), Change.to(null), Change.keep(), Change.keep(), Change.keep(),
                Change.keep()).isEmpty());
    }

    private static TaskChanges changes(Change<Title> title, Change<Description> description, Change<Boolean> completed,
                                       Change<Priority> priority, Change<LocalDate> dueDate, Change<Tags> tags) {
        return new TaskChanges(title, description, completed, priority, dueDate, tags);
    }
}
