package app.todo.application.port.in;

import app.todo.domain.user.UserId;

import java.util.Objects;

/**
 * What a verified token says about its bearer. {@code email} and {@code name} may be {@code null};
 * an email that is not a valid address is ignored rather than refused, since the token is already trusted.
 */
public record IdentifyCallerCommand(UserId userId, String email, String name, boolean adminClaim,
                                    boolean banned) {
    public IdentifyCallerCommand {
        Objects.requireNonNull(userId, "userId");
    }
}
