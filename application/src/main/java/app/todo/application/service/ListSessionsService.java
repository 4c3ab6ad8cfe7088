package app.todo.application.service;

import app.todo.application.port.in.ListSessionsQuery;
import app.todo.application.port.in.ListSessionsUseCase;
import app.todo.application.port.out.SessionRepository;
import app.todo.domain.account.Session;

import java.time.Clock;
import java.util.List;

public final class ListSessionsService implements ListSessionsUseCase {

    private final SessionRepository sessions;
    private final Clock clock;

    public ListSessionsService(SessionRepository sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public List<Session> listSessions(ListSessionsQuery query) {
        return sessions.liveSessionsOf(query.caller().id(), Times.now(clock));
    }
}
