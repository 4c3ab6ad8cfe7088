package app.todo.adapter.out.token;

import app.todo.application.port.out.AccessTokenVerifier;
import app.todo.application.port.out.InvalidAccessTokenException;
import app.todo.application.testing.MutableClock;
import app.todo.application.service.SigningKeyRing;
import app.todo.domain.account.SigningKey;
import app.todo.adapter.in.http.testing.TestTokens;
import app.todo.application.memory.InMemorySigningKeyRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * docs/rules.md §2: the signing key rotates every AUTH_KEY_ROTATION; retired keys stay in the JWKS, and their
 * tokens verify, for AUTH_KEY_GRACE, and not after. On an injected clock, through the real issuer and verifier.
 */
class KeyRotationTest {

    private static final Duration ROTATION = Duration.ofDays(30);
    private static final Duration GRACE = Duration.ofMinutes(16);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MutableClock clock = MutableClock.at("2026-11-30T12:00:00Z");
    private final InMemorySigningKeyRepository store = new InMemorySigningKeyRepository();
    private final OwnSigningKeys keys = OwnSigningKeys.rotating(
            new SigningKeyRing(store, TestTokens.keyGenerator(clock), clock, ROTATION, GRACE));
    // Tokens outlive the grace here, so that the grace, not their expiry, is what ends them.
    private final Ed25519TokenIssuer issuer = new Ed25519TokenIssuer(keys, clock, Duration.ofHours(2),
            Optional.empty(), Optional.empty());
    private final AccessTokenVerifier verifier = TokenVerifiers.builder(clock).ownKeys(keys).build();

    @Test
    void tokensOfTheRetiredKeyVerifyThroughTheGraceAndAreRefusedAfter() throws Exception {
        String firstKid = keys.currentKid();
        clock.advance(ROTATION.minusMinutes(10));
        String beforeRotation = issuer.issue("u1", null, null).compactJws();
        assertEquals("u1", verifier.verify(beforeRotation).userId(), "and now cached as verified");

        clock.advance(Duration.ofMinutes(10));
        String afterRotation = issuer.issue("u2", null, null).compactJws();

        assertNotEquals(firstKid, keys.currentKid(), "the key rotated when due");
        assertEquals(2, JSON.readTree(keys.jwksJson()).get("keys").size(), "the retired key is still published");
        assertEquals("u1", verifier.verify(beforeRotation).userId(), "within the grace");
        assertEquals("u2", verifier.verify(afterRotation).userId());

        clock.advance(GRACE.plusMinutes(1));

        assertThrows(InvalidAccessTokenException.class, () -> verifier.verify(beforeRotation),
                "once the grace ends, though the token has not expired and was cached");
        assertEquals("u2", verifier.verify(afterRotation).userId());
        JsonNode published = JSON.readTree(keys.jwksJson()).get("keys");
        assertEquals(1, published.size());
        assertEquals(keys.currentKid(), published.get(0).get("kid").asText());
    }

    @Test
    void anInstanceVerifiesATokenOfAKeyAnotherInstanceMadeAMomentAgo() {
        OwnSigningKeys elsewhere = OwnSigningKeys.rotating(
                new SigningKeyRing(store, TestTokens.keyGenerator(clock), clock, ROTATION, GRACE));
        keys.jwksJson(); // this instance has read the store just now
        clock.advance(ROTATION);
        String signedElsewhere = new Ed25519TokenIssuer(elsewhere, clock, Duration.ofMinutes(15), Optional.empty(),
                Optional.empty()).issue("u3", null, null).compactJws();

        assertEquals("u3", verifier.verify(signedElsewhere).userId());
    }

    /** A key made elsewhere (a rotation, an AUTH_SECRET change) verifies here before this instance's next read. */
    @Test
    void aKeyAnotherInstanceJustMadeVerifiesHereAtOnceNotAfterTheNextScheduledRead() {
        String mine = keys.currentKid();
        SigningKey madeElsewhere = TestTokens.newKey(clock);
        store.rotate(Optional.of(mine), madeElsewhere);
        clock.advance(Duration.ofSeconds(6)); // past the 5 s between looks for an unknown kid; far from a scheduled read
        String signedElsewhere = new Ed25519TokenIssuer(OwnSigningKeys.of(madeElsewhere), clock, Duration.ofMinutes(15),
                Optional.empty(), Optional.empty()).issue("u4", null, null).compactJws();

        assertEquals("u4", verifier.verify(signedElsewhere).userId());
        assertEquals(madeElsewhere.kid(), keys.currentKid(), "and this instance now signs with it too");
    }
}
