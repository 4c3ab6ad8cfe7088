package app.todo.domain.user;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Someone who owns tasks. Email and name are optional because a token from another identity
 * provider may carry neither. {@code role} is the role granted here (an admin's change, a proven
 * {@code ADMIN_EMAILS} address), never one claimed by a token: claims apply per request only.
 * {@code origin} says which sources may vouch for this user ({@link IdentitySource#origin()}).
 */
public record User(UserId id, Email email, String name, Role role, boolean disabled, Instant createdAt,
                   IdentitySource.Origin origin) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(origin, "origin");
        if (name != null && name.codePointCount(0, name.length()) > 255) {
            // 255 code points, as every length here counts: cutting UTF-16 units could split an emoji in two.
            name = name.substring(0, name.offsetByCodePoints(0, 255));
        }
    }

    /** An external user (provisioned from a frontend's token). */
    public User(UserId id, Email email, String name, Role role, boolean disabled, Instant createdAt) {
        this(id, email, name, role, disabled, createdAt, IdentitySource.Origin.EXTERNAL);
    }

    /** An external user seen for the first time. */
    public static User newcomer(UserId id, Email email, String name, Role role, Instant now) {
        return new User(id, email, name, role, false, now, IdentitySource.Origin.EXTERNAL);
    }

    /** A user seen for the first time, vouched for by a frontend's source of {@code origin}. */
    public static User newcomer(UserId id, Email email, String name, Role role, Instant now, IdentitySource.Origin origin) {
        if (!origin.isExternal()) {
            throw new IllegalArgumentException("own accounts are made by sign-up, not provisioned");
        }
        return new User(id, email, name, role, false, now, origin);
    }

    /** An account of the service's own, made by sign-up. */
    public static User ownAccount(UserId id, Email email, String name, Role role, Instant now) {
        return new User(id, email, name, role, false, now, IdentitySource.Origin.OWN);
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
        return new User(id, email, name, newRole, disabled, createdAt, origin);
    }

    public User withDisabled(boolean newDisabled) {
        return new User(id, email, name, role, newDisabled, createdAt, origin);
    }
}
