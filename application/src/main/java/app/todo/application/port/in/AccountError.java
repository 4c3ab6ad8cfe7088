package app.todo.application.port.in;

import app.todo.domain.shared.FieldError;

import java.util.List;

/** Every expected way an account use case (sign-up, sign-in, sessions, passwords) can fail. The HTTP edge maps each one exhaustively. */
public sealed interface AccountError extends UseCaseError {

    /** Fields missing or breaking a rule; never carries the password itself. */
    record InvalidAccount(List<FieldError> errors) implements AccountError {
        public InvalidAccount {
            errors = List.copyOf(errors);
        }
    }

    /** Someone already signed up with this email, in any letter case. */
    record EmailTaken() implements AccountError {
    }

    /**
     * Unknown email or wrong password: one error for both, on purpose, so that signing in does not
     * tell which emails are registered.
     */
    record InvalidCredentials() implements AccountError {
    }

    /** The password was right, but an admin disabled the account. */
    record AccountDisabled() implements AccountError {
    }

    /** A refresh token that is unknown, expired, spent (its reuse revoked the session) or of an ended session. */
    record InvalidRefreshToken() implements AccountError {
    }

    /** Not one of the caller's sessions (another user's, or none at all). */
    record SessionNotFound() implements AccountError {
    }
}
