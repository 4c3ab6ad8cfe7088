package app.todo.application.port.in;

import app.todo.domain.shared.Result;
import app.todo.domain.user.User;

/** Creates an own account; {@link StartSessionUseCase} and {@link IssueAccessTokenUseCase} then sign the user in. */
public interface SignUpUseCase {
    Result<User, AccountError> signUp(SignUpCommand command);
}
