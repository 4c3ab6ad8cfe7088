package app.todo.adapter.in.http;

import app.todo.domain.shared.Text;
import app.todo.domain.task.DueDates;
import app.todo.domain.task.PageRequest;
import app.todo.domain.task.Priority;
import app.todo.domain.task.Tag;
import app.todo.domain.task.TaskFilter;
import app.todo.domain.task.TaskSort;
import app.todo.domain.task.TaskStatus;
import io.helidon.common.parameters.Parameters;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;

/**
 * The query of a task list, read strictly: an unknown value, a bad date or number, or one parameter
 * given twice with different values is a 422 naming the parameter, never a silent default. An empty
 * value ({@code tag=}) counts as absent, as forms send them. {@code priority=all} is accepted as "any
 * priority", mirroring {@code status=all}.
 *
 * @param echo the filter and sort parameters as understood, kept in every page link
 */
record TaskListRequest(TaskFilter filter, TaskSort sort, PageRequest page, Map<String, String> echo) {

    private static final int MAX_QUERY_LENGTH = 200;
    private static final Map<String, TaskSort.Key> SORT_KEYS = Map.of(
            "created", TaskSort.Key.CREATED, "created_at", TaskSort.Key.CREATED,
            "updated", TaskSort.Key.UPDATED, "updated_at", TaskSort.Key.UPDATED,
            "title", TaskSort.Key.TITLE, "due_date", TaskSort.Key.DUE_DATE, "priority", TaskSort.Key.PRIORITY);

    static TaskListRequest parse(Parameters query) {
        QueryParameters r = new QueryParameters(query);
        TaskStatus status = r.choice("status", s -> TaskStatus.valueOf(s.toUpperCase(Locale.ROOT)),
                "must be one of all, pending, completed").orElse(TaskStatus.ALL);
        Priority priority = r.choiceOrAll("priority", s -> Priority.fromKey("priority", s.toLowerCase(Locale.ROOT)),
                "must be one of low, medium, high (or all)").orElse(null);
        Tag tag = r.value("tag", Tag::new).orElse(null);
        String text = r.value("q", q -> {
            Text.wellFormed("q", q, Text.Kind.MULTI_LINE);
            Text.lengthBetween("q", q, 1, MAX_QUERY_LENGTH);
            return q;
        }).orElse(null);
        LocalDate dueBefore = r.value("due_before", d -> DueDates.parse("due_before", d)).orElse(null);
        LocalDate dueAfter = r.value("due_after", d -> DueDates.parse("due_after", d)).orElse(null);
        Optional<TaskSort.Key> key = r.choice("sort", s -> SORT_KEYS.get(s.toLowerCase(Locale.ROOT)),
                "must be one of created, updated, title, due_date, priority");
        Optional<TaskSort.Direction> direction = r.choice("order",
                s -> TaskSort.Direction.valueOf(s.toUpperCase(Locale.ROOT)), "must be asc or desc");
        PageRequest page = r.page();
        if (r.isValid() && page != null) {
            TaskSort.Key sortKey = key.orElse(TaskSort.NEWEST_FIRST.key());
            TaskSort sort = new TaskSort(sortKey, direction.orElse(key.isPresent()
                    ? sortKey.naturalDirection() : TaskSort.NEWEST_FIRST.direction()));
            return new TaskListRequest(new TaskFilter(status, priority, tag, text, dueBefore, dueAfter), sort, page,
                    r.echo());
        }
        throw r.invalid();
    }

    /** The {@code Link} header of this list, keeping its filters and sort in every page link. */
    String links(String path, long total) {
        return PageLinks.of(path, echo, page, total);
    }

}
