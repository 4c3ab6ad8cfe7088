package app.todo.application.port.out;

/**
 * Checks a bearer token (signature, algorithm, claims) against every token source configured: the
 * service's own keys, Better Auth's JWKS, the shared secret (docs/authentication.md). Implementations
 * never make a network call because of anything inside the token.
 */
@FunctionalInterface
public interface AccessTokenVerifier {

    /**
     * @param compactJws the token exactly as it followed {@code Bearer }
     * @return what the token proves and which source vouched for it
     * @throws InvalidAccessTokenException when the token is not acceptable, for whatever reason
     * @throws IdentityProviderUnavailableException when the keys that would decide cannot be fetched
     */
    VerifiedAccessToken verify(String compactJws);
}
