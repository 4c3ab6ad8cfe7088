package app.todo.application.port.in;

import app.todo.domain.account.Session;

import java.util.List;

/** The caller's live sessions, newest first. */
public interface ListSessionsUseCase {
    List<Session> listSessions(ListSessionsQuery query);
}
