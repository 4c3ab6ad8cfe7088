package app.todo.application.service;

import app.todo.application.port.in.AccountError;
import app.todo.application.port.in.RevokeSessionCommand;
import app.todo.application.port.in.RevokeSessionUseCase;
import app.todo.application.port.out.SessionRepository;
import app.todo.domain.shared.Result;

import java.time.Clock;

/** Another user's session and an unknown one answer alike, so that ids reveal nothing. */
public final class RevokeSessionService implements RevokeSessionUseCase {

    private final SessionRepository sessions;
    private final SessionLiveness liveness;
    private final Clock clock;

    public RevokeSessionService(SessionRepository sessions, SessionLiveness liveness, Clock clock) {
        this.sessions = sessions;
        this.liveness = liveness;
        this.clock = clock;
    }

    @Override
    public Result<String, AccountError> revokeSession(RevokeSessionCommand command) {
        var now = Times.now(clock);
        return sessions.find(command.sessionId())
                .filter(session -> session.userId().equals(command.caller().id()) && session.isLive(now))
                .<Result<String, AccountError>>map(session -> {
                    sessions.revoke(session.id(), now);
                    liveness.forget(session.id());
                    return Result.ok(session.id());
                })
                .orElseGet(() -> Result.err(new AccountError.SessionNotFound()));
    }
}
