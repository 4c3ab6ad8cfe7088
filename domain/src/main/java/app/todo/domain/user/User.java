package app.todo.domain.user;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Someone who owns tasks. Email and name are optional because a token from another identity
 * provider may carry neither.
 */
public record User(UserId id, Email email, String name, Role role, boolean disabled, Instant createdAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        if (name != null && name.length() > 255) {
            name = name.substring(0, 255);
        }
    }

    public static User newcomer(UserId id, Email email, String name, Role role, Instant now) {
        return new User(id, email, name, role, false, now);
    }

    public Optional<Email> emailAddress() {
        return Optional.ofNullable(email);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /**
     * Tasks are private: nobody, not even an admin, acts on another user's tasks.
     */
    public boolean mayManageTasksOf(UserId owner) {
        return id.equals(owner);
    }

    public User withRole(Role newRole) {
        return new User(id, email, name, newRole, disabled, createdAt);
    }

    public User withDisabled(boolean newDisabled) {
        return new User(id, email, name, role, newDisabled, createdAt);
    }
}
