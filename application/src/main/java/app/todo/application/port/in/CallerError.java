package app.todo.application.port.in;

/** Why a caller with a valid token is still refused. */
public sealed interface CallerError {

    /** The identity provider marked the user as banned. */
    record Banned(String userId) implements CallerError {
    }

    /** An admin of this service disabled the user. */
    record Disabled(String userId) implements CallerError {
    }
}
