package app.todo.application.port.in;

import app.todo.domain.user.User;
import app.todo.domain.user.UserId;

import java.util.Objects;

/**
 * @param after the feed position the caller has applied (0: none, so every current task)
 * @param limit the most entries in the page, 1–500
 */
public record ListTaskChangesQuery(User caller, UserId owner, long after, int limit) {
    public ListTaskChangesQuery {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(owner, "owner");
        if (after < 0 || limit < 1 || limit > 500) {
            throw new IllegalArgumentException("after must be at least 0 and limit 1 to 500");
        }
    }
}
