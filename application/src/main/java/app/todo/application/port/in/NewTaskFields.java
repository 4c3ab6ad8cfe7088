package app.todo.application.port.in;

import java.util.List;

/**
 * The fields of a task to create, as a client sent them (already of the right JSON types).
 * {@code null} means the field was absent. The use case validates every rule and reports all broken ones.
 */
public record NewTaskFields(
        String title,
        String description,
        Boolean completed,
        String priority,
        String dueDate,
        List<String> tags) {
}
