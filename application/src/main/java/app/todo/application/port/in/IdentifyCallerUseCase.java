package app.todo.application.port.in;

import app.todo.domain.shared.Result;
import app.todo.domain.user.User;

/**
 * Turns the identity proven by a verified token into a known user, provisioning the user on first
 * sight: frontends such as Better Auth register users themselves, so there is no separate step here.
 */
public interface IdentifyCallerUseCase {
    Result<User, CallerError> identifyCaller(IdentifyCallerCommand command);
}
