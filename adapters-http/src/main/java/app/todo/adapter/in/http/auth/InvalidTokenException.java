package app.todo.adapter.in.http.auth;

/**
 * A token that is refused. The message is safe to show a client (RFC 6750 {@code error_description}):
 * it never contains the token or a secret.
 */
public final class InvalidTokenException extends RuntimeException {
    public InvalidTokenException(String description) {
        super(description, null, false, false);
    }
}
