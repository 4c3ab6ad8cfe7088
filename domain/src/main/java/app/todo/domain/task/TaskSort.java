package app.todo.domain.task;

import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

/**
 * The order of a task list. Ties are broken by id in the same direction, so paging is stable.
 * Tasks without a due date come last whichever the direction. Titles compare lower-cased, code point by
 * code point (docs/rules.md §4): the order of their UTF-8 bytes, which PostgreSQL's {@code "C"} collation gives
 * whatever the database's locale, and not the UTF-16 order of {@link String#compareTo}, which puts emoji before
 * U+E000–U+FFFF.
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
            case TITLE -> Comparator.comparing(t -> t.title().value().toLowerCase(Locale.ROOT), TaskSort::byCodePoint);
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

    /** Compares code point by code point (a shorter prefix first). */
    static int byCodePoint(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
