package app.todo.application.port.in;

import app.todo.domain.shared.Result;
import app.todo.domain.user.User;

/**
 * Grants the admin role to an {@code ADMIN_EMAILS} address once its owner proves it with the one-time
 * bootstrap token from the service's log (docs/rules.md §2: never merely by signing up first).
 */
public interface ClaimAdminUseCase {

    /** The caller, now an admin; {@link AdminError.ClaimRefused} for any other email or token. */
    Result<User, AdminError> claimAdmin(ClaimAdminCommand command);
}
