package app.todo.application.port.in;

import app.todo.domain.shared.Result;
import app.todo.domain.user.User;

/** Checks an own account's password; {@link StartSessionUseCase} and {@link IssueAccessTokenUseCase} then sign the user in. */
public interface SignInUseCase {
    Result<User, AccountError> signIn(SignInCommand command);
}
