package app.todo.application.port.in;

import app.todo.domain.task.Change;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The fields a client sent to update a task, as sent: each is kept, or set (possibly to {@code null},
 * which clears description and due date and is refused for the others).
 */
public record TaskFieldChanges(
        Change<String> title,
        Change<String> description,
        Change<Boolean> completed,
        Change<String> priority,
        Change<String> dueDate,
        Change<List<String>> tags) {

    public TaskFieldChanges {
        Stream.of(title, description, completed, priority, dueDate, tags).forEach(Objects::requireNonNull);
    }

    public static TaskFieldChanges none() {
        return new TaskFieldChanges(Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep(),
                Change.keep());
    }
}
