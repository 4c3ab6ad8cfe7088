package app.todo.application.port.out;

/**
 * The frontend's identity provider cannot be asked right now (down, too slow, a garbled answer). The
 * edge answers {@code 503} with {@code Retry-After} for the requests that needed it, and only those.
 */
public final class IdentityProviderUnavailableException extends RuntimeException {
    public IdentityProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
