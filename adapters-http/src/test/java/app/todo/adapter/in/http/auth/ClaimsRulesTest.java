package app.todo.adapter.in.http.auth;

import app.todo.application.testing.MutableClock;
import app.todo.domain.account.SigningKey;
import app.todo.adapter.in.http.testing.TestTokens;
import app.todo.domain.user.IdentitySource;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract's claim rules, applied to real EdDSA tokens of the service's own key (the same path as JWKS tokens). */
class ClaimsRulesTest {

    private final MutableClock clock = MutableClock.at("2026-11-23T17:35:00Z");
    private final SigningKey key = TestTokens.newKey(clock);
    private final TestSigner signer = TestSigner.own(key);
    private final TokenVerifier verifier = TokenVerifiers.builder(clock).ownKeys(OwnSigningKeys.of(key)).build();

    @Test
    void expIsRequiredAndEnforcedWithTheSkew() {
        long now = now();
        refused(token("{\"sub\":\"u1\",\"iat\":" + now + "}"));
        refused(token("{\"sub\":\"u1\",\"exp\":" + (now - 61) + "}"));
        assertEquals("u1", fresh().verify(token("{\"sub\":\"u1\",\"exp\":" + (now - 59) + "}")).userId());
    }

    @Test
    void nbfAndIatInTheFutureAreRefusedBeyondTheSkewOnly() {
        long now = now();
        refused(token("{\"sub\":\"u1\",\"exp\":" + (now + 900) + ",\"nbf\":" + (now + 61) + "}"));
        refused(token("{\"sub\":\"u1\",\"exp\":" + (now + 900) + ",\"iat\":" + (now + 61) + "}"));
        verifier.verify(token("{\"sub\":\"u1\",\"exp\":" + (now + 900) + ",\"nbf\":" + (now + 59) + "}"));
        verifier.verify(token("{\"sub\":\"u1\",\"exp\":" + (now + 900) + ",\"iat\":" + (now + 59) + "}"));
    }

    /** A verified token is cached until its exp: what a claim may make the service keep is bounded. */
    @Test
    void overLongNameEmailAndSessionClaimsAreCutOrDropped() {
        String name = "n".repeat(4_000);
        String email = "e".repeat(320) + "@example.com";
        VerifiedToken token = verifier.verify(token("{\"sub\":\"u1\",\"exp\":" + (now() + 900) + ",\"name\":\"" + name
                + "\",\"email\":\"" + email + "\",\"sid\":\"" + "s".repeat(65) + "\"}"));

        assertEquals(name.substring(0, 255), token.name());
        assertEquals(null, token.email(), "no address is that long: treated as absent");
        assertEquals(null, token.sessionId());
        VerifiedToken fine = fresh().verify(token("{\"sub\":\"u1\",\"exp\":" + (now() + 900)
                + ",\"name\":\"Ada\",\"email\":\"ada@example.com\",\"sid\":\"s-1\"}"));
        assertEquals("Ada", fine.name());
        assertEquals("ada@example.com", fine.email());
        assertEquals("s-1", fine.sessionId());
    }

    @Test
    void aCustomSkewIsHonoured() {
        TokenVerifier strict = TokenVerifiers.builder(clock).skew(Duration.ZERO).ownKeys(OwnSigningKeys.of(key)).build();
        refused(strict, token("{\"sub\":\"u1\",\"exp\":" + (now() + 900) + ",\"iat\":" + (now() + 1) + "}"));
        refused(strict, token("{\"sub\":\"u1\",\"exp\":" + now() + "}"));
    }

    /** Better Auth behind a proxy with dynamic base URLs: iss follows the request's origin, one key for all. */
    @Test
    void severalIssuersAndAudiencesMayBeConfigured() {
        TokenVerifier strict = TokenVerifiers.builder(clock).issuer("https://a.example, https://b.example")
                .audience("https://a.example,https://b.example").ownKeys(OwnSigningKeys.of(key)).build();
        String base = "{\"sub\":\"u1\",\"exp\":" + (now() + 900);
        strict.verify(token(base + ",\"iss\":\"https://a.example\",\"aud\":\"https://a.example\"}"));
        strict.verify(token(base + ",\"iss\":\"https://b.example\",\"aud\":\"https://b.example\"}"));
        refused(strict, token(base + ",\"iss\":\"https://c.example\",\"aud\":\"https://a.example\"}"));
        refused(strict, token(base + ",\"aud\":\"https://a.example\"}"));
        refused(strict, token(base + ",\"iss\":\"https://a.example\",\"aud\":\"https://c.example\"}"));
        refused(strict, token(base + ",\"iss\":\"https://a.example, https://b.example\",\"aud\":\"https://a.example\"}"));
    }

    @Test
    void issuerAndAudienceAreCheckedWhenConfigured() {
        TokenVerifier strict = TokenVerifiers.builder(clock).issuer("https://app.example").audience("https://app.example")
                .ownKeys(OwnSigningKeys.of(key)).build();
        String base = "{\"sub\":\"u1\",\"exp\":" + (now() + 900);
        strict.verify(token(base + ",\"iss\":\"https://app.example\",\"aud\":\"https://app.example\"}"));
        strict.verify(token(base + ",\"iss\":\"https://app.example\",\"aud\":[\"other\",\"https://app.example\"]}"));
        refused(strict, token(base + ",\"iss\":\"https://evil.example\",\"aud\":\"https://app.example\"}"));
        refused(strict, token(base + ",\"aud\":\"https://app.example\"}"));
        refused(strict, token(base + ",\"iss\":\"https://app.example\",\"aud\":\"other\"}"));
        refused(strict, token(base + ",\"iss\":\"https://app.example\",\"aud\":[\"other\"]}"));
        refused(strict, token(base + ",\"iss\":\"https://app.example\"}"));
        verifier.verify(token(base + ",\"iss\":\"anyone\",\"aud\":\"anything\"}")); // not configured: not checked
    }

    @Test
    void theUserIdFallsBackFromSubToIdToUserId() {
        String exp = "\"exp\":" + (now() + 900);
        assertEquals("s", verifier.verify(token("{\"sub\":\"s\",\"id\":\"i\",\"user_id\":\"u\"," + exp + "}")).userId());
        assertEquals("i", verifier.verify(token("{\"id\":\"i\",\"user_id\":\"u\"," + exp + "}")).userId());
        assertEquals("u", verifier.verify(token("{\"user_id\":\"u\"," + exp + "}")).userId());
        assertEquals("42", verifier.verify(token("{\"user_id\":42," + exp + "}")).userId());
        refused(token("{" + exp + "}"));
        refused(token("{\"sub\":\"" + "x".repeat(256) + "\"," + exp + "}"));
    }

    @Test
    void claimsOfTheWrongTypeAreRefusedAsInvalidTokens() {
        String exp = "\"exp\":" + (now() + 900);
        refused(token("{\"sub\":\"u1\",\"exp\":\"tomorrow\"}"));
        refused(token("{\"sub\":\"u1\",\"exp\":null}"));
        refused(token("{\"sub\":\"u1\"," + exp + ",\"nbf\":\"soon\"}"));
        refused(token("{\"sub\":{\"id\":\"u1\"}," + exp + "}"));
        refused(token("{\"sub\":\"u1\"," + exp + ",\"aud\":42}"));
        refused(token("{\"sub\":\"u1\"," + exp + ",\"iss\":[\"a\"]}"));
        refused(token("{\"sub\":\"u\\u0000\"," + exp + "}"));
        VerifiedToken odd = verifier.verify(token("{\"sub\":\"u1\"," + exp + ",\"email\":7,\"role\":[\"admin\"]}"));
        assertEquals(null, odd.email());
        assertFalse(odd.admin());
    }

    @Test
    void roleAdminAndBannedAreRead() {
        String exp = "\"exp\":" + (now() + 900);
        VerifiedToken admin = verifier.verify(token("{\"sub\":\"a\",\"role\":\"admin\",\"banned\":true," + exp + "}"));
        assertTrue(admin.admin());
        assertTrue(admin.banned());
        VerifiedToken user = verifier.verify(token("{\"sub\":\"b\",\"role\":\"user\",\"banned\":false," + exp + "}"));
        assertFalse(user.admin());
        assertFalse(user.banned());
    }

    @Test
    void theServicesOwnIssuedTokensPassTheSamePolicy() {
        var issued = new Ed25519TokenIssuer(OwnSigningKeys.of(key), clock, Duration.ofHours(1),
                java.util.Optional.of("https://api.example"), java.util.Optional.of("todo")).issue("u1", "a@b.c", "A");
        TokenVerifier strict = TokenVerifiers.builder(clock).issuer("https://api.example").audience("todo")
                .ownKeys(OwnSigningKeys.of(key)).build();

        VerifiedToken verified = strict.verify(issued.token());

        assertFalse(verified.admin(), "no role claim");
        assertEquals(IdentitySource.OWN_KEY, verified.source());
        assertEquals(issued.expiresAt(), verified.expiresAt());
    }

    private TokenVerifier fresh() {
        return TokenVerifiers.builder(clock).ownKeys(OwnSigningKeys.of(key)).build();
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private String token(String claims) {
        return signer.sign("EdDSA", "{\"alg\":\"EdDSA\",\"kid\":\"" + key.kid() + "\"}", claims);
    }

    private void refused(String token) {
        refused(verifier, token);
    }

    private static void refused(TokenVerifier verifier, String token) {
        assertThrows(InvalidTokenException.class, () -> verifier.verify(token));
    }
}
