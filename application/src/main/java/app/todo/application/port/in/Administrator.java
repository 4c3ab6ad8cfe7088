package app.todo.application.port.in;

import app.todo.domain.shared.Result;
import app.todo.domain.user.User;

import java.util.Objects;

/**
 * A caller found to be an admin (docs/rules.md §4: non-admins get {@code 403}). Every administration command and
 * query names its caller by one, so the rule is checked here, once, and the edge asks for one before it reads a
 * body, so a non-admin learns nothing from validation.
 */
public final class Administrator {

    private final User user;

    private Administrator(User user) {
        this.user = user;
    }

    /** @return the caller as an admin, or {@link AdminError.NotAdmin} */
    public static Result<Administrator, AdminError> of(User caller) {
        Objects.requireNonNull(caller, "caller");
        return caller.isAdmin() ? Result.ok(new Administrator(caller)) : Result.err(new AdminError.NotAdmin());
    }

    /** The admin's account. */
    public User user() {
        return user;
    }

    @Override
    public String toString() {
        return "Administrator[" + user.id().value() + "]";
    }
}
