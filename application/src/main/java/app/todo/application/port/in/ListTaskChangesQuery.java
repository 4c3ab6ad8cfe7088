package app.todo.application.port.in;


import java.util.Objects;

/**
 * @param after the feed position the caller has applied (0: none, so every current task)
 * @param limit the most entries in the page, 1–500
 */
public record ListTaskChangesQuery(TaskOwner owner, long after, int limit) {
    public ListTaskChangesQuery {
        Objects.requireNonNull(owner, "owner");
        if (after < 0 || limit < 1 || limit > 500) {
            throw new IllegalArgumentException("after must be at least 0 and limit 1 to 500");
        }
    }
}
