package app.todo.application.port.in;

import app.todo.domain.shared.Result;

/**
 * Checks the bearer token of a request and says who it proves the caller to be, ready for
 * {@link IdentifyCallerUseCase}. Better Auth session tokens go to {@link ResolveSessionUseCase} instead.
 */
public interface VerifyAccessTokenUseCase {

    /**
     * @param compactJws the token exactly as it followed {@code Bearer }
     * @throws app.todo.application.port.out.IdentityProviderUnavailableException when the keys that would
     *         decide cannot be fetched
     */
    Result<IdentifyCallerCommand, TokenRefused> verifyAccessToken(String compactJws);

    /** Why a token is refused (a 401): safe to show the client, never the token itself. */
    record TokenRefused(String reason) {
    }
}
