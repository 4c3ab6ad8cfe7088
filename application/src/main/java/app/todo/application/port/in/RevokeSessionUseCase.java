package app.todo.application.port.in;

import app.todo.domain.shared.Result;

/** Ends one of the caller's sessions; another user's or an unknown one is {@link AccountError.SessionNotFound}. */
public interface RevokeSessionUseCase {
    Result<String, AccountError> revokeSession(RevokeSessionCommand command);
}
