package app.todo.application.service;

import app.todo.application.port.in.StartSessionCommand;
import app.todo.application.port.in.StartSessionUseCase;
import app.todo.application.port.out.SessionRepository;
import app.todo.domain.account.Session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Sign-up and sign-in open a session that lives {@code sessionTtl} ({@code AUTH_SESSION_TTL}, 7 days) past its last refresh. */
public final class StartSessionService implements StartSessionUseCase {

    public static final Duration DEFAULT_SESSION_TTL = Duration.ofDays(7);

    private final SessionRepository sessions;
    private final Clock clock;
    private final Duration sessionTtl;

    public StartSessionService(SessionRepository sessions, Clock clock, Duration sessionTtl) {
        this.sessions = sessions;
        this.clock = clock;
        this.sessionTtl = sessionTtl;
    }

    @Override
    public IssuedSession start(StartSessionCommand command) {
        Instant now = Times.now(clock);
        Session session = new Session(UUID.randomUUID().toString(), command.user().id(), now, now, now.plus(sessionTtl),
                command.userAgent(), null);
        String refreshToken = RefreshTokens.generate();
        sessions.create(session, RefreshTokens.hash(refreshToken));
        return new IssuedSession(session, refreshToken);
    }
}
