package app.todo.application.port.in;

import app.todo.domain.user.IdentitySource;
import app.todo.domain.user.UserId;

import java.util.Objects;
import java.util.Optional;

/**
 * What a verified token says about its bearer, and who vouched for it. {@code email} and {@code name}
 * may be {@code null}; an email that is not a valid address is ignored rather than refused, since the
 * token is already trusted. {@code adminClaim} and {@code bannedClaim} are what the token claims
 * ({@code role: "admin"}, {@code banned: true}); whether they count depends on {@code source} and
 * configuration, and is decided by the use case, per request. {@code sessionId} is the own session an
 * own token belongs to ({@code sid}), which must still be alive.
 */
public record IdentifyCallerCommand(UserId userId, String email, String name, IdentitySource source,
                                    boolean adminClaim, boolean bannedClaim, Optional<String> sessionId) {
    public IdentifyCallerCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sessionId, "sessionId");
    }

    /** A token that names no session of the service's own ({@code sid}). */
    public IdentifyCallerCommand(UserId userId, String email, String name, IdentitySource source,
                                 boolean adminClaim, boolean bannedClaim) {
        this(userId, email, name, source, adminClaim, bannedClaim, Optional.empty());
    }
}
