package app.todo.application.port.in;

import app.todo.domain.shared.FieldError;

import java.util.List;

/** Every expected way an administration use case can fail. The HTTP edge maps each one exhaustively. */
public sealed interface AdminError extends UseCaseError {

    /** The caller is not an admin. */
    record NotAdmin() implements AdminError {
    }

    record UserNotFound(String userId) implements AdminError {
    }

    /**
     * The change would take the caller's own admin access away (disabling or demoting themself): a
     * lone admin could lock everyone out, so it is refused as a conflict with the current state.
     */
    record SelfLockout(String detail) implements AdminError {
    }

    /**
     * The caller asked to store the admin role for themself while theirs comes from a token's claim, which
     * counts for one request and is never stored (docs/rules.md §4).
     */
    record OwnRoleFromClaim() implements AdminError {
    }

    /**
     * The caller's email is not one of {@code ADMIN_EMAILS}, or the bootstrap token is wrong or already
     * used; one answer for all, so that it reveals neither.
     */
    record ClaimRefused() implements AdminError {
    }

    record InvalidUserChange(List<FieldError> errors) implements AdminError {
        public InvalidUserChange {
            errors = List.copyOf(errors);
        }
    }
}
