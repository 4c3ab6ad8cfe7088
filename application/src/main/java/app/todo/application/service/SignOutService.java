package app.todo.application.service;

import app.todo.application.port.in.SignOutCommand;
import app.todo.application.port.in.SignOutUseCase;
import app.todo.application.port.out.SessionRepository;

import java.time.Clock;

/** {@link SignOutUseCase}: revoked in the store, forgotten here at once, elsewhere within 5 s. */
public final class SignOutService implements SignOutUseCase {

    private final SessionRepository sessions;
    private final SessionLiveness liveness;
    private final Clock clock;

    public SignOutService(SessionRepository sessions, SessionLiveness liveness, Clock clock) {
        this.sessions = sessions;
        this.liveness = liveness;
        this.clock = clock;
    }

    @Override
    public void signOut(SignOutCommand command) {
        sessions.find(command.sessionId())
                .filter(session -> session.userId().equals(command.caller().id()))
                .ifPresent(session -> sessions.revoke(session.id(), Times.now(clock)));
        liveness.forget(command.sessionId());
    }
}
