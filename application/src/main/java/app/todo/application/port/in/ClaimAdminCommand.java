package app.todo.application.port.in;

import app.todo.domain.user.User;

import java.util.Objects;

/**
 * An authenticated caller presents the one-time admin bootstrap token that the service printed to its
 * log for the caller's {@code ADMIN_EMAILS} address. {@code token} is never logged.
 */
public record ClaimAdminCommand(User caller, String token) {
    public ClaimAdminCommand {
        Objects.requireNonNull(caller, "caller");
    }

    @Override
    public String toString() {
        return "ClaimAdminCommand[caller=" + caller.id() + ", token=(hidden)]";
    }
}
