package app.todo.application.port.in;

import app.todo.domain.shared.Result;
import app.todo.domain.user.User;

/**
 * Checks an own account's password and opens a session for it in one step, so that a password change racing the
 * sign-in either ends that session too or makes the sign-in fail (docs/authentication.md, "Sessions");
 * {@link IssueAccessTokenUseCase} then gives the session its access token.
 */
public interface SignInUseCase {
    Result<SignedIn, AccountError> signIn(SignInCommand command);

    /** The user who proved their password, and the session opened for them. */
    record SignedIn(User user, StartSessionUseCase.IssuedSession issued) {
    }
}
