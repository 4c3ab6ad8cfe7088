package app.todo.application.port.out;

/**
 * A bearer token that is refused. The message is safe to show a client (RFC 6750 {@code error_description}):
 * it never contains the token or a secret. No stack trace: refusals are frequent and expected.
 */
public final class InvalidAccessTokenException extends RuntimeException {
    public InvalidAccessTokenException(String description) {
        super(description, null, false, false);
    }
}
