package app.todo.adapter.in.http.json;

import app.todo.domain.task.Task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A task as clients read it: snake_case, RFC 3339 UTC times to the second, {@code YYYY-MM-DD} dates. */
public record TaskJson(
        long id,
        String userId,
        String title,
        String description,
        boolean completed,
        String priority,
        String dueDate,
        List<String> tags,
        String createdAt,
        String updatedAt,
        String completedAt,
        long version) {

    public static TaskJson from(Task task) {
        return new TaskJson(
                task.id().value(),
                task.owner().value(),
                task.title().value(),
                task.description() == null ? null : task.description().value(),
                task.completed(),
                task.priority().key(),
                date(task.dueDate()),
                task.tags().asStrings(),
                time(task.createdAt()),
                time(task.updatedAt()),
                time(task.completedAt()),
                task.version());
    }

    public static List<TaskJson> from(List<Task> tasks) {
        return tasks.stream().map(TaskJson::from).toList();
    }

    private static String time(Instant instant) {
        return Json.instant(instant);
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
