package app.todo.application.port.in;

import app.todo.domain.shared.Result;
import app.todo.domain.user.User;

/** Changes one user's role or disabled flag, for admins only. */
public interface ChangeUserUseCase {
    Result<User, AdminError> changeUser(ChangeUserCommand command);
}
