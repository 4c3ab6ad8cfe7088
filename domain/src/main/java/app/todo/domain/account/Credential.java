package app.todo.domain.account;

import app.todo.domain.user.Email;
import app.todo.domain.user.UserId;

import java.util.Objects;

/** How a user of the service's own accounts proves who they are: an email and a password hash. */
public record Credential(UserId userId, Email email, PasswordHash passwordHash) {

    public Credential {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }
}
