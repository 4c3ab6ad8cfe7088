package app.todo.application.port.out;

import app.todo.domain.account.AccessToken;

/**
 * The service's own tokens and keys: signs access tokens with the current own key, and publishes the
 * public halves of every key that still verifies (docs/authentication.md, "Signing keys").
 */
public interface AccessTokenIssuer {

    /**
     * An access token for {@code userId}, with {@code email} and {@code name} as claims when not {@code null},
     * in the own session {@code sessionId} ({@code sid}; {@code null} for a token of no session, which only
     * tests and tools use). It never claims a role: the stored role decides (docs/rules.md §2).
     */
    AccessToken issue(String userId, String email, String name, String sessionId);

    /** The JWK set (RFC 7517 §5) of the public halves, as JSON text: {@code {"keys":[…]}}. */
    String publicKeySetJson();
}
