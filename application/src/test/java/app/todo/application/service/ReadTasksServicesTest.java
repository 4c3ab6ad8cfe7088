package app.todo.application.service;

import app.todo.application.port.in.ListTasksQuery;
import app.todo.domain.task.PageRequest;
import app.todo.domain.task.Tag;
import app.todo.domain.task.Task;
import app.todo.domain.task.TaskFilter;
import app.todo.domain.task.TaskPage;
import app.todo.domain.task.TaskSort;
import app.todo.domain.task.TaskStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static app.todo.application.service.TaskServices.ALICE;
import static app.todo.application.service.TaskServices.own;
import static app.todo.application.service.TaskServices.BOB;
import static app.todo.application.service.TaskServices.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** ListTasksService and GetTaskService: reads that only ever show the caller's own tasks. */
class ReadTasksServicesTest {

    private final TaskServices s = new TaskServices();

    @Test
    void getReturnsTheStoredTask() {
        Task task = s.given(ALICE, "Buy milk");
        assertEquals(task, ok(s.getAs(ALICE, task)));
    }

    @Test
    void listShowsOnlyTheOwnersTasksNewestFirst() {
        Task first = s.given(ALICE, "First");
        s.clock.advance(Duration.ofSeconds(1));
        s.given(BOB, "Bob's");
        Task second = s.given(ALICE, "Second");

        TaskPage page = ok(s.list.listTasks(new ListTasksQuery(own(ALICE), TaskFilter.EVERYTHING,
                TaskSort.NEWEST_FIRST, PageRequest.FIRST)));

        assertEquals(List.of(second, first), page.tasks());
        assertEquals(2, page.total());
    }

    @Test
    void listAppliesFilterSortAndWindowAndCountsTheWholeFilteredSet() {
        for (String title : List.of("c", "a", "d", "b")) {
            s.given(ALICE, title);
        }
        Task done = s.given(ALICE, "e");
        ok(s.completeAs(ALICE, done.id(), Optional.of(true)));

        TaskFilter pending = new TaskFilter(TaskStatus.PENDING, null, null, null, null, null);
        TaskPage page = ok(s.list.listTasks(new ListTasksQuery(own(ALICE), pending,
                new TaskSort(TaskSort.Key.TITLE, TaskSort.Direction.ASC), new PageRequest(2, 1))));

        assertEquals(List.of("b", "c"), page.tasks().stream().map(t -> t.title().value()).toList());
        assertEquals(4, page.total());
    }

    @Test
    void listOfAnUnknownTagIsEmpty() {
        s.given(ALICE, "Untagged");
        TaskFilter tagged = new TaskFilter(TaskStatus.ALL, null, new Tag("nope"), null, null, null);
        TaskPage page = ok(s.list.listTasks(new ListTasksQuery(own(ALICE), tagged, TaskSort.NEWEST_FIRST,
                PageRequest.FIRST)));
        assertEquals(new TaskPage(List.of(), 0), page);
    }
}
