package app.todo.application.port.in;

import app.todo.domain.shared.Result;
import app.todo.domain.user.UserSummary;

/** Changes one user's role or disabled flag, for admins only; answers the user as an admin lists them. */
public interface ChangeUserUseCase {
    Result<UserSummary, AdminError> changeUser(ChangeUserCommand command);
}
