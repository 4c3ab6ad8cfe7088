package app.todo.application.port.in;

import java.time.Duration;
import java.util.Optional;

import app.todo.domain.account.SessionCredential;
import app.todo.domain.shared.Result;

/**
 * Turns a Better Auth session token (bearer plugin or cookie) into the identity it stands for, so that
 * {@link IdentifyCallerUseCase} can take it from there like a verified JWT's claims.
 */
public interface ResolveSessionUseCase {

    /**
     * @throws app.todo.application.port.out.IdentityProviderUnavailableException when Better Auth cannot
     *         be asked and no cached answer is fresh
     */
    Result<ResolvedSession, SessionRefused> resolve(SessionCredential credential);

    /** The identity behind a live session; {@code cached} when no call to the provider was needed. */
    record ResolvedSession(IdentifyCallerCommand identity, boolean cached) {
    }

    /**
     * Why a session token is refused (a 401): never the token itself. {@code retryAfter} is set when the
     * client has asked about too many sessions not known here, and must wait that long (a 429).
     */
    record SessionRefused(String reason, boolean cached, Optional<Duration> retryAfter) {
        public SessionRefused(String reason, boolean cached) {
            this(reason, cached, Optional.empty());
        }
    }
}
