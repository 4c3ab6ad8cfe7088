package app.todo.application.port.out;

import app.todo.domain.account.AccessToken;
import app.todo.domain.user.IdentitySource;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the two token ports must do together: an {@link AccessTokenIssuer} and the {@link AccessTokenVerifier}
 * that trusts its keys. The verifier's other sources (shared secret, JWKS) have their own tests beside
 * their adapter; this is what the application relies on.
 */
public abstract class AccessTokensContract {

    protected abstract AccessTokenIssuer issuer();

    /** A verifier that trusts {@link #issuer()}'s keys. */
    protected abstract AccessTokenVerifier verifier();

    @Test
    void an_issued_token_verifies_to_what_was_issued_from_the_services_own_key() {
        AccessToken token = issuer().issue("user-1", "ada@example.com", "Ada", "session-1");

        VerifiedAccessToken verified = verifier().verify(token.compactJws());

        assertEquals("user-1", verified.userId());
        assertEquals("ada@example.com", verified.email());
        assertEquals("Ada", verified.name());
        assertEquals("session-1", verified.sessionId());
        assertEquals(IdentitySource.OWN_KEY, verified.source());
        assertEquals(token.expiresAt(), verified.expiresAt());
        assertFalse(verified.admin(), "the service's own tokens never claim a role");
        assertTrue(token.expiresAt().isAfter(Instant.now()), "issued tokens are valid now");
    }

    @Test
    void a_token_of_no_session_names_none() {
        VerifiedAccessToken verified = verifier().verify(issuer().issue("user-2", null, null, null).compactJws());

        assertEquals("user-2", verified.userId());
        assertNull(verified.sessionId());
        assertNull(verified.email());
    }

    @Test
    void every_token_is_distinct_even_for_the_same_user_and_second() {
        assertNotEquals(issuer().issue("user-3", null, null, "s").compactJws(),
                issuer().issue("user-3", null, null, "s").compactJws());
    }

    @Test
    void a_token_changed_after_signing_is_refused_with_a_message_that_does_not_echo_it() {
        String token = issuer().issue("user-4", null, null, "s").compactJws();
        int dot = token.lastIndexOf('.');
        String payload = token.substring(token.indexOf('.') + 1, dot);
        String forged = token.replace(payload, payload.substring(0, payload.length() - 2)
                + (payload.endsWith("A") ? "B" : "A") + payload.charAt(payload.length() - 1));

        InvalidAccessTokenException refused = assertThrows(InvalidAccessTokenException.class,
                () -> verifier().verify(forged));
        assertFalse(refused.getMessage().contains(forged), "the refusal must not echo the token");
    }

    @Test
    void something_that_is_not_a_token_is_refused() {
        assertThrows(InvalidAccessTokenException.class, () -> verifier().verify("not-a-token"));
        assertThrows(InvalidAccessTokenException.class, () -> verifier().verify(""));
    }

    @Test
    void the_public_key_set_holds_public_halves_only() {
        String jwks = issuer().publicKeySetJson();

        assertTrue(jwks.startsWith("{\"keys\":["), jwks);
        assertFalse(jwks.contains("\"d\""), "a private half must never be published");
    }
}
