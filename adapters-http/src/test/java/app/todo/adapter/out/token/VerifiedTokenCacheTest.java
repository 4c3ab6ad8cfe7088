package app.todo.adapter.out.token;

import app.todo.adapter.in.http.testing.TestTokens.KeyPairSigner;

import app.todo.application.port.out.VerifiedAccessToken;
import app.todo.application.port.out.InvalidAccessTokenException;
import app.todo.application.testing.MutableClock;
import app.todo.domain.user.IdentitySource;

import com.nimbusds.jose.jwk.JWK;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifiedTokenCacheTest {

    private final MutableClock clock = MutableClock.at("2026-11-23T17:35:00Z");
    private final KeyPairSigner signer = KeyPairSigner.ed25519("k1");
    private final AtomicInteger lookups = new AtomicInteger();
    private final JWK key = signer.publicJwk();
    private final ClaimsPolicy policy = new ClaimsPolicy(clock, ClaimsPolicy.DEFAULT_SKEW, Optional.empty(), Optional.empty());
    private final CompositeTokenVerifier verifier = new CompositeTokenVerifier(Optional.empty(),
            new JwksTokenVerifier(new PublicKeySource() {
                @Override
                public Optional<JWK> find(String kid) {
                    lookups.incrementAndGet(); // every signature check starts with a key lookup
                    return kid.equals("k1") ? Optional.of(key) : Optional.empty();
                }

                @Override
                public boolean holds(String kid) {
                    return kid.equals("k1"); // a cache hit's check that the key is still trusted
                }
            }, policy, IdentitySource.JWKS),
            new VerifiedTokenCache(clock, 100));

    @Test
    void aCachedTokenIsNotVerifiedAgain() {
        String token = signer.token("EdDSA", TokenJson.claims(clock, "u1", ""));

        for (int i = 0; i < 5; i++) {
            assertEquals("u1", verifier.verify(token).userId());
        }

        assertEquals(1, lookups.get());
    }

    @Test
    void aCachedTokenIsRefusedOnceItsExpHasPassed() {
        String token = signer.token("EdDSA", TokenJson.claims(clock, "u1", "")); // exp = now + 900 s
        verifier.verify(token);

        clock.advance(Duration.ofSeconds(899));
        verifier.verify(token);
        assertEquals(1, lookups.get());

        clock.advance(Duration.ofSeconds(1));
        verifier.verify(token); // at exp: out of the cache, still inside the 60 s skew
        assertEquals(2, lookups.get());

        clock.advance(Duration.ofSeconds(61));
        assertThrows(InvalidAccessTokenException.class, () -> verifier.verify(token));
    }

    @Test
    void aRefusedTokenIsNeverCached() {
        String forged = signer.token("EdDSA", TokenJson.claims(clock, "u1", "")).replaceAll("\\.[^.]+$", ".AAAA");
        assertThrows(InvalidAccessTokenException.class, () -> verifier.verify(forged));
        assertThrows(InvalidAccessTokenException.class, () -> verifier.verify(forged));
        assertEquals(2, lookups.get());
    }

    @Test
    void entriesNeverOutliveTheTokensExp() {
        VerifiedTokenCache cache = new VerifiedTokenCache(clock, 10);
        Instant exp = clock.instant().plusSeconds(10);
        cache.put("t", new VerifiedAccessToken("u1", null, null, false, false, exp, IdentitySource.JWKS));
        assertTrue(cache.get("t").isPresent());
        clock.advance(Duration.ofSeconds(10));
        assertTrue(cache.get("t").isEmpty());
        cache.put("late", new VerifiedAccessToken("u1", null, null, false, false, exp, IdentitySource.JWKS)); // verified within the skew only
        assertEquals(0, cache.size());
    }

    @Test
    void theCacheIsBoundedAndDropsExpiredEntriesFirst() {
        VerifiedTokenCache cache = new VerifiedTokenCache(clock, 100);
        for (int i = 0; i < 50; i++) {
            cache.put("short" + i, new VerifiedAccessToken("u", null, null, false, false, clock.instant().plusSeconds(5), IdentitySource.JWKS));
        }
        for (int i = 0; i < 1000; i++) {
            cache.put("long" + i, new VerifiedAccessToken("u", null, null, false, false, clock.instant().plusSeconds(3600), IdentitySource.JWKS));
            if (i == 49) {
                clock.advance(Duration.ofSeconds(10));
            }
        }
        assertTrue(cache.size() <= 100, "size " + cache.size());
        assertTrue(cache.get("long999").isPresent());
        assertTrue(cache.get("short0").isEmpty());
    }

    @Test
    void differentTokensDoNotShareAnEntry() {
        String a = signer.token("EdDSA", TokenJson.claims(clock, "a", ""));
        String b = signer.token("EdDSA", TokenJson.claims(clock, "b", ""));
        assertNotEquals(verifier.verify(a).userId(), verifier.verify(b).userId());
        assertEquals("a", verifier.verify(a).userId());
        assertEquals(2, lookups.get());
    }
}
