package app.todo.application.port.in;

import app.todo.domain.shared.Result;
import app.todo.domain.user.User;

/** Checks an own account's password. The edge issues the token for the returned user. */
public interface SignInUseCase {
    Result<User, AccountError> signIn(SignInCommand command);
}
