package app.todo.application.port.in;

/** What {@code /api/auth/jwks} serves: the public halves of the service's own keys that still verify. */
public interface PublishSigningKeysUseCase {

    /** The JWK set (RFC 7517 §5) as JSON text, {@code {"keys":[…]}}; public halves only. */
    String publicSigningKeys();
}
