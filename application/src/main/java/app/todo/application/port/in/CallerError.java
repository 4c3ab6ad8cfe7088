package app.todo.application.port.in;

/** Why a caller with a validly signed token is still refused. */
public sealed interface CallerError extends UseCaseError {

    /** The identity provider marked the user as banned (a trusted {@code banned} claim): 403. */
    record Banned(String userId) implements CallerError {
    }

    /** An admin of this service disabled the user: 403. */
    record Disabled(String userId) implements CallerError {
    }

    /**
     * The token's source may not vouch for this user (docs/rules.md §2, trust boundaries): an external
     * token naming an own account, or an own token naming anyone but an own account. The token is
     * treated as invalid: 401.
     */
    record NotVouchedFor(String userId) implements CallerError {
    }

    /** The own token's session was signed out or revoked: 401. */
    record SessionEnded(String sessionId) implements CallerError {
    }
}
