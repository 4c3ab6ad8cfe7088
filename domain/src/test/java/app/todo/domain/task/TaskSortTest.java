package app.todo.domain.task;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static app.todo.domain.task.TaskBuilder.task;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TaskSortTest {

    /** Chosen so that every key gives another order, with ties on created, title, due date and priority. */
    private static final List<Task> TASKS = List.of(
            task(1).title("banana").times(2, 1).due("2026-03-01").priority(Priority.LOW).build(),
            task(2).title("Apple").times(1, 3).priority(Priority.HIGH).build(),
            task(3).title("cherry").times(1, 2).due("2026-01-01").priority(Priority.HIGH).build(),
            task(4).title("apple").times(3, 0).due("2026-03-01").priority(Priority.MEDIUM).build());

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "CREATED,  ASC,  2 3 1 4",
            "CREATED,  DESC, 4 1 3 2",
            "UPDATED,  ASC,  4 1 3 2",
            "UPDATED,  DESC, 2 3 1 4",
            "TITLE,    ASC,  2 4 1 3",
            "TITLE,    DESC, 3 1 4 2",
            "DUE_DATE, ASC,  3 1 4 2",
            "DUE_DATE, DESC, 4 1 3 2",
            "PRIORITY, ASC,  1 4 2 3",
            "PRIORITY, DESC, 3 2 4 1"})
    void ordersByKeyThenIdInTheSameDirection(TaskSort.Key key, TaskSort.Direction direction, String expectedIds) {
        assertEquals(ids(expectedIds), sortedIds(new TaskSort(key, direction)));
    }

    @Test
    void undatedTasksComeLastInBothDirections() {
        for (TaskSort.Direction direction : TaskSort.Direction.values()) {
            List<Long> ids = sortedIds(new TaskSort(TaskSort.Key.DUE_DATE, direction));
            assertEquals(2L, ids.getLast(), direction.name());
        }
    }

    @Test
    void naturalDirectionsAndDefault() {
        assertEquals(TaskSort.Direction.ASC, TaskSort.Key.TITLE.naturalDirection());
        assertEquals(TaskSort.Direction.ASC, TaskSort.Key.DUE_DATE.naturalDirection());
        assertEquals(TaskSort.Direction.DESC, TaskSort.Key.CREATED.naturalDirection());
        assertEquals(TaskSort.Direction.DESC, TaskSort.Key.UPDATED.naturalDirection());
        assertEquals(TaskSort.Direction.DESC, TaskSort.Key.PRIORITY.naturalDirection());
        assertEquals(new TaskSort(TaskSort.Key.CREATED, TaskSort.Direction.DESC), TaskSort.NEWEST_FIRST);
    }

    private static List<Long> sortedIds(TaskSort sort) {
        return Stream.of(TASKS.get(3), TASKS.get(1), TASKS.get(0), TASKS.get(2))
                .sorted(sort.comparator()).map(t -> t.id().value()).toList();
    }

    private static List<Long> ids(String spaced) {
        return Arrays.stream(spaced.split(" ")).map(Long::valueOf).toList();
    }
}
