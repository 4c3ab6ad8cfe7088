package app.todo.application.port.in;

import app.todo.domain.shared.Result;
import app.todo.domain.user.User;

/**
 * Changes an own account's password (docs/rules.md §2): a wrong current password is
 * {@link AccountError.InvalidCredentials}, a new one outside 8–128 characters {@link AccountError.InvalidAccount}.
 */
public interface ChangePasswordUseCase {
    Result<User, AccountError> changePassword(ChangePasswordCommand command);
}
