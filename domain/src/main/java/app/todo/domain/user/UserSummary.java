package app.todo.domain.user;

import java.util.Objects;

/** A user as an admin sees them in a list: the user and how many tasks they have. */
public record UserSummary(User user, long taskCount) {

    public UserSummary {
        Objects.requireNonNull(user, "user");
        if (taskCount < 0) {
            throw new IllegalArgumentException("taskCount cannot be negative");
        }
    }
}
