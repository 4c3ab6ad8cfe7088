package app.todo.application.port.in;

import app.todo.domain.account.Session;
import app.todo.domain.shared.Result;
import app.todo.domain.user.User;

/**
 * Refresh-token rotation with reuse detection (OAuth 2.0 Security BCP): the presented token is spent and
 * a new one issued; an unknown, expired or spent token is {@link AccountError.InvalidRefreshToken}, and a
 * spent one presented again revokes its whole session.
 */
public interface RefreshSessionUseCase {

    Result<Refreshed, AccountError> refresh(RefreshSessionCommand command);

    /** The session's user, the slid session, and the new refresh token (plain text only here). */
    record Refreshed(User user, StartSessionUseCase.IssuedSession issued) {
        public Session session() {
            return issued.session();
        }
    }
}
