package app.todo.domain.task;

import java.time.LocalDate;
import java.util.Objects;
import java.util.stream.Stream;

/** A validated partial update of a task. Title and priority can be changed but never cleared. */
public record TaskChanges(
        Change<Title> title,
        Change<Description> description,
        Change<Boolean> completed,
        Change<Priority> priority,
        Change<LocalDate> dueDate,
        Change<Tags> tags) {

    public TaskChanges {
        Stream.of(title, description, completed, priority, dueDate, tags).forEach(Objects::requireNonNull);
        if (title instanceof Change.SetTo<Title> t && t.value() == null
                || completed instanceof Change.SetTo<Boolean> c && c.value() == null
                || priority instanceof Change.SetTo<Priority> p && p.value() == null
                || tags instanceof Change.SetTo<Tags> g && g.value() == null) {
            throw new IllegalArgumentException("title, completed, priority and tags cannot be cleared");
        }
    }

    public boolean isEmpty() {
        return Stream.of(title, description, completed, priority, dueDate, tags).noneMatch(Change::isPresent);
    }
}
