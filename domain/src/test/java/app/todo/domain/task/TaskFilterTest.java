package app.todo.domain.task;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static app.todo.domain.task.TaskBuilder.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskFilterTest {

    private static final Task OPEN = task(1).title("Buy Milk").description("Two LITRES, 100% fresh").build();
    private static final Task DONE = task(2).title("File taxes").completed(true).build();

    @Test
    void everythingAdmitsEveryTask() {
        assertTrue(TaskFilter.EVERYTHING.admits(OPEN));
        assertTrue(TaskFilter.EVERYTHING.admits(DONE));
    }

    @Test
    void statusSelectsPendingOrCompleted() {
        assertTrue(status(TaskStatus.PENDING).admits(OPEN));
        assertFalse(status(TaskStatus.PENDING).admits(DONE));
        assertTrue(status(TaskStatus.COMPLETED).admits(DONE));
        assertFalse(status(TaskStatus.COMPLETED).admits(OPEN));
    }

    @Test
    void priorityMustMatch() {
        TaskFilter high = new TaskFilter(TaskStatus.ALL, Priority.HIGH, null, null, null, null);
        assertTrue(high.admits(task(1).priority(Priority.HIGH).build()));
        assertFalse(high.admits(task(1).priority(Priority.MEDIUM).build()));
    }

    @Test
    void tagMustBeAmongTheTasksTags() {
        TaskFilter home = new TaskFilter(TaskStatus.ALL, null, new Tag("Home"), null, null, null);
        assertTrue(home.admits(task(1).tags("work", "HOME").build()));
        assertFalse(home.admits(task(1).tags("work").build()));
    }

    @Test
    void textMatchesTitleOrDescriptionIgnoringCaseAndLiterally() {
        assertTrue(text("milk").admits(OPEN));
        assertTrue(text("litres").admits(OPEN));
        assertTrue(text("100% F").admits(OPEN));
        assertFalse(text("1_0%").admits(OPEN));
        assertFalse(text("litres").admits(DONE));
    }

    @Test
    void emptyTextMeansNoTextCriterion() {
        assertNull(text("").text());
        assertTrue(text("").admits(DONE));
    }

    @Test
    void dueBoundsAreStrictAndLeaveUndatedTasksOut() {
        Task dated = task(1).due("2026-12-01").build();
        Task undated = task(2).build();
        LocalDate day = dated.dueDate();

        assertTrue(due(day.plusDays(1), null).admits(dated));
        assertFalse(due(day, null).admits(dated));
        assertFalse(due(day.plusDays(1), null).admits(undated));

        assertTrue(due(null, day.minusDays(1)).admits(dated));
        assertFalse(due(null, day).admits(dated));
        assertFalse(due(null, day.minusDays(1)).admits(undated));
    }

    @Test
    void everyCriterionMustHold() {
        Task task = task(1).title("Pay rent").priority(Priority.HIGH).tags("home").due("2026-12-01").build();
        TaskFilter all = new TaskFilter(TaskStatus.PENDING, Priority.HIGH, new Tag("home"), "rent",
                LocalDate.parse("2026-12-02"), LocalDate.parse("2026-11-30"));
        assertTrue(all.admits(task));
        assertFalse(all.admits(task.markCompleted(true, task.updatedAt())));
        assertEquals(TaskStatus.ALL, TaskFilter.EVERYTHING.status());
    }

    private static TaskFilter status(TaskStatus status) {
        return new TaskFilter(status, null, null, null, null, null);
    }

    private static TaskFilter text(String text) {
        return new TaskFilter(TaskStatus.ALL, null, null, text, null, null);
    }

    private static TaskFilter due(LocalDate before, LocalDate after) {
        return new TaskFilter(TaskStatus.ALL, null, null, null, before, after);
    }
}
