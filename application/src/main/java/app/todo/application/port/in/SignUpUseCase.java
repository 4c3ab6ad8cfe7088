package app.todo.application.port.in;

import app.todo.domain.shared.Result;
import app.todo.domain.user.User;

/** Creates an own account. The edge issues the token for the returned user. */
public interface SignUpUseCase {
    Result<User, AccountError> signUp(SignUpCommand command);
}
