package app.todo.application.service;

import app.todo.application.port.in.AccountError;
import app.todo.application.port.in.RefreshSessionCommand;
import app.todo.application.port.in.RefreshSessionUseCase;
import app.todo.application.port.in.StartSessionUseCase.IssuedSession;
import app.todo.application.port.out.SessionRepository;
import app.todo.application.port.out.SessionRepository.Rotation;
import app.todo.application.port.out.UserRepository;
import app.todo.domain.shared.Result;
import app.todo.domain.user.User;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@link RefreshSessionUseCase}: one atomic rotation in the store; a reuse ends the session everywhere, unless it
 * comes within {@link #REUSE_GRACE} of the first use (docs/authentication.md, "Sessions").
 */
public final class RefreshSessionService implements RefreshSessionUseCase {

    /**
     * How long after its rotation a refresh token presented again counts as a second tab or a retry that refreshed
     * at the same moment (rotated again, beside the first successor) rather than a replay (the session revoked).
     * Without it two tabs sharing a token that refresh together signed the user out of both. It outlasts a
     * statement the database stopped answering (cut off after 10 s, docs/operations.md) plus the 503's
     * Retry-After, so the retry of a rotation that committed but was answered 503 is not taken for a replay.
     */
    public static final Duration REUSE_GRACE = Duration.ofSeconds(30);

    /** Far longer than any token this service issues (43 characters): anything else is garbage. */
    private static final int MAX_TOKEN_LENGTH = 256;

    private final SessionRepository sessions;
    private final UserRepository users;
    private final SessionLiveness liveness;
    private final Clock clock;
    private final Duration sessionTtl;

    public RefreshSessionService(SessionRepository sessions, UserRepository users, SessionLiveness liveness, Clock clock,
                                 Duration sessionTtl) {
        this.sessions = sessions;
        this.users = users;
        this.liveness = liveness;
        this.clock = clock;
        this.sessionTtl = sessionTtl;
    }

    @Override
    public Result<Refreshed, AccountError> refresh(RefreshSessionCommand command) {
        String presented = command.refreshToken();
        if (presented == null || presented.isBlank() || presented.length() > MAX_TOKEN_LENGTH) {
            return Result.err(new AccountError.InvalidRefreshToken());
        }
        Instant now = Times.now(clock);
        String next = RefreshTokens.generate();
        Rotation rotation = sessions.rotate(RefreshTokens.hash(presented.strip()), RefreshTokens.hash(next), now,
                now.plus(sessionTtl), now.minus(REUSE_GRACE));
        return switch (rotation) {
            case Rotation.Rotated rotated -> {
                User user = users.find(rotated.session().userId()).orElse(null);
                if (user == null || user.disabled()) {
                    sessions.revoke(rotated.session().id(), now);
                    liveness.forget(rotated.session().id());
                    yield Result.err(user == null ? new AccountError.InvalidRefreshToken() : new AccountError.AccountDisabled());
                }
                yield Result.ok(new Refreshed(user, new IssuedSession(rotated.session(), next)));
            }
            case Rotation.Reused reused -> {
                liveness.forget(reused.sessionId());
                yield Result.err(new AccountError.InvalidRefreshToken());
            }
            case Rotation.Ended ignored -> Result.err(new AccountError.InvalidRefreshToken());
            case Rotation.Unknown ignored -> Result.err(new AccountError.InvalidRefreshToken());
        };
    }
}
