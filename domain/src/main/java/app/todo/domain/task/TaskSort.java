package app.todo.domain.task;

import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

/**
 * The order of a task list. Ties are broken by id in the same direction, so paging is stable.
 * Tasks without a due date come last whichever the direction.
 *
 * <p>{@link #comparator()} is the reference meaning; database adapters must agree with it.
 */
public record TaskSort(Key key, Direction direction) {

    public static final TaskSort NEWEST_FIRST = new TaskSort(Key.CREATED, Direction.DESC);

    public enum Key {
        CREATED,
        UPDATED,
        TITLE,
        DUE_DATE,
        PRIORITY;

        /** What a client gets when it names the key but not the direction. */
        public Direction naturalDirection() {
            return switch (this) {
                case CREATED, UPDATED, PRIORITY -> Direction.DESC;
                case TITLE, DUE_DATE -> Direction.ASC;
            };
        }
    }

    public enum Direction {
        ASC,
        DESC
    }

    public TaskSort {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(direction, "direction");
    }

    public Comparator<Task> comparator() {
        Comparator<Task> byKey = switch (key) {
            case CREATED -> Comparator.comparing(Task::createdAt);
            case UPDATED -> Comparator.comparing(Task::updatedAt);
            case TITLE -> Comparator.comparing(t -> t.title().value().toLowerCase(Locale.ROOT));
            case PRIORITY -> Comparator.comparingInt(t -> t.priority().rank());
            case DUE_DATE -> Comparator.comparing(Task::dueDate, Comparator.nullsLast(Comparator.naturalOrder()));
        };
        Comparator<Task> byKeyThenId = byKey.thenComparingLong(t -> t.id().value());
        Comparator<Task> directed = direction == Direction.DESC ? byKeyThenId.reversed() : byKeyThenId;
        if (key == Key.DUE_DATE) {
            Comparator<Task> undatedLast = Comparator.comparing(t -> t.dueDate() == null);
            return undatedLast.thenComparing(directed);
        }
        return directed;
    }
}
