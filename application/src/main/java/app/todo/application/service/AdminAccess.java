package app.todo.application.service;

import app.todo.application.port.in.AdminError;
import app.todo.domain.shared.Result;
import app.todo.domain.user.User;

import java.util.function.Supplier;

/** The rule every administration use case applies first. */
final class AdminAccess {

    private AdminAccess() {
    }

    /** Runs the work only when the caller is an admin. */
    static <T> Result<T, AdminError> asAdmin(User caller, Supplier<Result<T, AdminError>> work) {
        return caller.isAdmin() ? work.get() : Result.err(new AdminError.NotAdmin());
    }
}
