package app.todo.adapter.out.token;

import app.todo.application.port.out.AccessTokenVerifier;
import app.todo.application.port.out.InvalidAccessTokenException;
import app.todo.application.testing.MutableClock;
import app.todo.domain.account.SigningKey;
import app.todo.adapter.in.http.testing.TestTokens;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OwnSigningKeysTest {

    private final MutableClock clock = MutableClock.at("2026-11-23T17:35:00Z");
    private final SigningKey key = TestTokens.newKey(clock);

    @Test
    void aKeySurvivesTheRoundTripThroughItsStoredForm() throws Exception {
        SigningKey restored = new SigningKey(key.kid(), key.privateKey(), key.publicKey(), key.createdAt());

        assertEquals(key, restored);
        assertEquals(43, key.kid().length(), "base64url of a SHA-256 thumbprint");
        assertEquals(key.kid(), OwnSigningKeys.publicJwk(key).computeThumbprint().toString());
        String issued = issuer(OwnSigningKeys.of(key)).issue("u1", null, null).compactJws();
        assertEquals("u1", TokenVerifiers.builder(clock).ownKeys(OwnSigningKeys.of(restored)).build().verify(issued).userId());
    }

    @Test
    void aDamagedStoredKeyIsRefused() {
        SigningKey other = TestTokens.newKey(clock);
        assertThrows(IllegalArgumentException.class,
                () -> OwnSigningKeys.of(new SigningKey(key.kid(), other.privateKey(), key.publicKey(), key.createdAt())));
        assertThrows(IllegalArgumentException.class,
                () -> OwnSigningKeys.of(new SigningKey("another-kid", key.privateKey(), key.publicKey(), key.createdAt())));
        assertThrows(IllegalArgumentException.class,
                () -> OwnSigningKeys.of(new SigningKey(key.kid(), new byte[]{1, 2, 3}, key.publicKey(), key.createdAt())));
    }

    @Test
    void toStringNeverShowsThePrivateKey() {
        String privateBase64 = Base64.getEncoder().encodeToString(key.privateKey());
        assertFalse(key.toString().contains(privateBase64));
        assertFalse(issuer(OwnSigningKeys.of(key)).issue("u1", null, null).toString().contains("ey"));
    }

    @Test
    void theJwksJsonHoldsOnlyPublicHalves() throws Exception {
        SigningKey older = TestTokens.newKey(MutableClock.at("2026-01-01T00:00:00Z"));
        Map<String, Object> jwks = JSONObjectUtils.parse(new OwnSigningKeys(List.of(older, key)).jwksJson());

        Map<String, Object>[] keys = JSONObjectUtils.getJSONObjectArray(jwks, "keys");
        assertEquals(2, keys.length);
        for (Map<String, Object> jwk : keys) {
            assertEquals(Map.of("kty", "OKP", "crv", "Ed25519", "alg", "EdDSA", "use", "sig"),
                    Map.of("kty", jwk.get("kty"), "crv", jwk.get("crv"), "alg", jwk.get("alg"), "use", jwk.get("use")));
            assertEquals(Optional.empty(), Optional.ofNullable(jwk.get("d")));
            assertEquals(43, jwk.get("x").toString().length());
        }
    }

    @Test
    void issuedTokensHaveTheDocumentedShape() throws Exception {
        var issued = new Ed25519TokenIssuer(OwnSigningKeys.of(key), clock, Ed25519TokenIssuer.DEFAULT_TTL,
                Optional.of("https://api.example"), Optional.empty()).issue("u1", "a@b.c", "Ada");

        SignedJWT jwt = SignedJWT.parse(issued.compactJws());
        assertEquals(Map.of("alg", "EdDSA", "kid", key.kid(), "typ", "JWT"), jwt.getHeader().toJSONObject());
        var claims = jwt.getJWTClaimsSet();
        assertEquals("u1", claims.getSubject());
        assertEquals("a@b.c", claims.getStringClaim("email"));
        assertEquals("Ada", claims.getStringClaim("name"));
        assertNull(claims.getClaim("role"), "own tokens carry no role: it is looked up on every request");
        assertEquals("https://api.example", claims.getIssuer());
        assertEquals(clock.instant(), claims.getIssueTime().toInstant());
        assertEquals(clock.instant().plus(Duration.ofMinutes(15)), claims.getExpirationTime().toInstant());
        assertEquals(claims.getExpirationTime().toInstant(), issued.expiresAt());
    }

    @Test
    void tokensOfEveryOwnKeyVerifyButOnlyTheNewestSigns() {
        SigningKey older = TestTokens.newKey(MutableClock.at("2026-01-01T00:00:00Z"));
        String oldToken = issuer(OwnSigningKeys.of(older)).issue("u1", null, null).compactJws();
        OwnSigningKeys both = new OwnSigningKeys(List.of(key, older));

        String newToken = issuer(both).issue("u2", null, null).compactJws();
        AccessTokenVerifier verifier = TokenVerifiers.builder(clock).ownKeys(both).build();

        assertEquals("u1", verifier.verify(oldToken).userId());
        assertEquals("u2", verifier.verify(newToken).userId());
        assertEquals(key.kid(), both.currentKid());
    }

    @Test
    void ownTokensExpireAfterTheirTtl() {
        String token = new Ed25519TokenIssuer(OwnSigningKeys.of(key), clock, Duration.ofMinutes(5), Optional.empty(),
                Optional.empty()).issue("u1", null, null).compactJws();
        AccessTokenVerifier verifier = TokenVerifiers.builder(clock).skew(Duration.ZERO).ownKeys(OwnSigningKeys.of(key)).build();
        verifier.verify(token);
        clock.advance(Duration.ofMinutes(5));
        assertThrows(InvalidAccessTokenException.class, () -> verifier.verify(token));
    }

    @Test
    void thePublishedJwksVerifiesOwnTokensThroughTheRemotePath() {
        try (JwksServer server = new JwksServer()) {
            server.serving(OwnSigningKeys.of(key).jwksJson());
            String token = issuer(OwnSigningKeys.of(key)).issue("u1", null, null).compactJws();
            AccessTokenVerifier remoteOnly = TokenVerifiers.builder(clock).jwksUrl(server.url()).build();
            assertEquals("u1", remoteOnly.verify(token).userId());
        }
    }

    @Test
    void aTtlBelowOneSecondIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Ed25519TokenIssuer(OwnSigningKeys.of(key), clock,
                Duration.ZERO, Optional.empty(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new OwnSigningKeys(List.of()));
    }

    private Ed25519TokenIssuer issuer(OwnSigningKeys keys) {
        return new Ed25519TokenIssuer(keys, clock, Ed25519TokenIssuer.DEFAULT_TTL, Optional.empty(), Optional.empty());
    }
}
