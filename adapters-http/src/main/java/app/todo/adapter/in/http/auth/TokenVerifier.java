package app.todo.adapter.in.http.auth;

/**
 * Checks a bearer token and says who it proves the caller to be.
 * Implementations never make a network call because of anything inside the token.
 */
public interface TokenVerifier {

    /**
     * @param compactJwt the token exactly as it followed {@code Bearer }
     * @return the verified identity
     * @throws InvalidTokenException when the token is not acceptable, for whatever reason
     */
    VerifiedToken verify(String compactJwt);
}
