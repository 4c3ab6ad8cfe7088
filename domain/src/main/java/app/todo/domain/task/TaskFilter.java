package app.todo.domain.task;

import app.todo.domain.shared.Text;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * Which of a user's tasks a list shows. Every criterion is optional ({@code null}) except
 * {@code status}. {@code text} matches title or description, ignoring case, literally (no wildcards).
 * Due-date bounds are strict, and a task without a due date never matches a bound.
 *
 * <p>{@link #admits(Task)} is the reference meaning; database adapters must agree with it.
 */
public record TaskFilter(
        TaskStatus status,
        Priority priority,
        Tag tag,
        String text,
        LocalDate dueBefore,
        LocalDate dueAfter) {

    public static final TaskFilter EVERYTHING = new TaskFilter(TaskStatus.ALL, null, null, null, null, null);

    public TaskFilter {
        Objects.requireNonNull(status, "status");
        if (text != null && text.isEmpty()) {
            text = null;
        }
        if (text != null) {
            // Search text reaches the store like stored text does, so it obeys the same rule.
            Text.wellFormed("q", text, Text.Kind.MULTI_LINE);
        }
    }

    public boolean admits(Task task) {
        return status.admits(task)
                && (priority == null || task.priority() == priority)
                && (tag == null || task.tags().contains(tag))
                && (text == null || containsIgnoringCase(task.title().value(), text)
                        || task.description() != null && containsIgnoringCase(task.description().value(), text))
                && (dueBefore == null || task.dueDate() != null && task.dueDate().isBefore(dueBefore))
                && (dueAfter == null || task.dueDate() != null && task.dueDate().isAfter(dueAfter));
    }

    private static boolean containsIgnoringCase(String haystack, String needle) {
        return haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }
}
