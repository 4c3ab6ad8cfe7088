package app.todo.adapter.out.token;

import app.todo.adapter.in.http.testing.TestTokens.KeyPairSigner;

import app.todo.application.port.out.AccessTokenVerifier;
import app.todo.application.port.out.VerifiedAccessToken;
import app.todo.application.port.out.InvalidAccessTokenException;
import app.todo.application.testing.MutableClock;
import app.todo.domain.account.SigningKey;
import app.todo.adapter.in.http.testing.TestTokens;
import app.todo.domain.user.IdentitySource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract's claim rules, applied to real EdDSA tokens of the service's own key (the same path as JWKS tokens). */
class ClaimsRulesTest {

    private final MutableClock clock = MutableClock.at("2026-11-23T17:35:00Z");
    private final SigningKey key = TestTokens.newKey(clock);
    private final KeyPairSigner signer = KeyPairSigner.own(key);
    private final AccessTokenVerifier verifier = TokenVerifiers.builder(clock).ownKeys(OwnSigningKeys.of(key)).build();

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

    /**
     * Claims of every wrong type, under a valid signature and with issuer and audience checks on (the strictest
     * set-up): each gets the answer named here, either "accepted as" a user id or a refusal's exact description,
     * never another exception (which would be a 500). {@code %s} stands for a valid expiry.
     */
    @ParameterizedTest
    @CsvSource(delimiterString = " <- ", textBlock = """
            The token's claims are malformed <- {"sub":"u1","exp":"soon","iss":"i","aud":"a"}
            The token's claims are malformed <- {"sub":"u1","exp":1e400,"iss":"i","aud":"a"}
            The token's claims are malformed <- {"sub":"u1","exp":99999999999999999999999,"iss":"i","aud":"a"}
            The token's claims are malformed <- {"sub":"u1","exp":1e30,"iss":"i","aud":"a"}
            The token's claims are malformed <- {"sub":"u1","exp":253402300800,"iss":"i","aud":"a"}
            accepted as u1 <- {"sub":"u1","exp":253402300799,"iss":"i","aud":"a"}
            The token's claims are malformed <- {"sub":"u1",%s,"nbf":1e30,"iss":"i","aud":"a"}
            The token's claims are malformed <- {"sub":"u1",%s,"iat":1e30,"iss":"i","aud":"a"}
            The token's claims are malformed <- {"sub":"u1","exp":[1],"iss":"i","aud":"a"}
            The token has expired <- {"sub":"u1","exp":-9223372036854775808,"iss":"i","aud":"a"}
            The token's claims are malformed <- {"sub":"u1",%s,"nbf":"x","iss":"i","aud":"a"}
            The token's claims are malformed <- {"sub":"u1",%s,"nbf":1e400,"iss":"i","aud":"a"}
            The token's claims are malformed <- {"sub":"u1",%s,"iat":{},"iss":"i","aud":"a"}
            accepted as u1 <- {"sub":"u1",%s,"iat":-1e30,"iss":"i","aud":"a"}
            The token's claims are malformed <- {"sub":"u1",%s,"iss":5,"aud":"a"}
            The token's claims are malformed <- {"sub":"u1",%s,"iss":["i"],"aud":"a"}
            The token has the wrong issuer <- {"sub":"u1",%s,"iss":null,"aud":"a"}
            The token's claims are malformed <- {"sub":"u1",%s,"iss":"i","aud":5}
            The token's claims are malformed <- {"sub":"u1",%s,"iss":"i","aud":{}}
            The token's claims are malformed <- {"sub":"u1",%s,"iss":"i","aud":[5,{}]}
            The token is not meant for this service (aud) <- {"sub":"u1",%s,"iss":"i","aud":[null]}
            The token is not meant for this service (aud) <- {"sub":"u1",%s,"iss":"i","aud":[]}
            The token is not meant for this service (aud) <- {"sub":"u1",%s,"iss":"i","aud":null}
            The token's claims are malformed <- {"sub":{},%s,"iss":"i","aud":"a"}
            The token's claims are malformed <- {"sub":[1],%s,"iss":"i","aud":"a"}
            The token's claims are malformed <- {"sub":1.5,%s,"iss":"i","aud":"a"}
            The token's claims are malformed <- {"sub":1e30,%s,"iss":"i","aud":"a"}
            The token's claims are malformed <- {"sub":123,%s,"iss":"i","aud":"a"}
            accepted as 123 <- {"id":123,%s,"iss":"i","aud":"a"}
            The token names no user (sub) <- {"id":1e40,%s,"iss":"i","aud":"a"}
            accepted as 9007199254740993 <- {"user_id":9007199254740993,%s,"iss":"i","aud":"a"}
            The token names no user (sub) <- {"id":1e3,%s,"iss":"i","aud":"a"}
            The token names no user (sub) <- {"id":9007199254740993.0,%s,"iss":"i","aud":"a"}
            The token names no user (sub) <- {"id":99999999999999999999,%s,"iss":"i","aud":"a"}
            The token's claims are malformed <- {"sub":1e400,%s,"iss":"i","aud":"a"}
            The token's claims are malformed <- {"sub":true,%s,"iss":"i","aud":"a"}
            The token names no user (sub) <- {"sub":null,"id":null,"user_id":{},%s,"iss":"i","aud":"a"}
            accepted as u1 <- {"sub":"u1",%s,"iss":"i","aud":"a","email":5,"name":{},"sid":[1],"role":7,"banned":"yes"}
            accepted as u1 <- {"sub":"u1",%s,"iss":"i","aud":"a","email":null,"name":null,"sid":null,"role":null,"banned":null}
            The token's claims are malformed <- {"sub":"a","sub":"b",%s,"iss":"i","aud":"a"}
            accepted as u1 <- {"sub":"u1",%s,"iss":"i","aud":"a","x":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}
            The token's claims are malformed <- [1,2,3]
            The token's claims are malformed <- null
            """)
    void claimsOfTheWrongTypeGetAnAnswerNeverAFailure(String expected, String template) {
        AccessTokenVerifier strict = TokenVerifiers.builder(clock).issuer("i, j").audience("a")
                .ownKeys(OwnSigningKeys.of(key)).build();
        String claims = template.replace("%s", "\"exp\":" + (now() + 900));
        String answer;
        try {
            VerifiedAccessToken accepted = strict.verify(token(claims));
            answer = "accepted as " + accepted.userId();
            assertFalse(accepted.admin() || accepted.banned(), "claims of the wrong type grant nothing: " + claims);
        } catch (InvalidAccessTokenException refused) {
            answer = refused.getMessage();
        }
        assertEquals(expected, answer, claims);
    }

    /** A verified token is cached until its exp: what a claim may make the service keep is bounded. */
    @Test
    void overLongNameEmailAndSessionClaimsAreCutOrDropped() {
        String name = "n".repeat(4_000);
        String email = "e".repeat(320) + "@example.com";
        VerifiedAccessToken token = verifier.verify(token("{\"sub\":\"u1\",\"exp\":" + (now() + 900) + ",\"name\":\"" + name
                + "\",\"email\":\"" + email + "\",\"sid\":\"" + "s".repeat(65) + "\"}"));

        assertEquals(name.substring(0, 255), token.name());
        assertEquals(null, token.email(), "no address is that long: treated as absent");
        assertEquals(null, token.sessionId());
        VerifiedAccessToken fine = fresh().verify(token("{\"sub\":\"u1\",\"exp\":" + (now() + 900)
                + ",\"name\":\"Ada\",\"email\":\"ada@example.com\",\"sid\":\"s-1\"}"));
        assertEquals("Ada", fine.name());
        assertEquals("ada@example.com", fine.email());
        assertEquals("s-1", fine.sessionId());
    }

    /** A name is cut at 255 code points, never inside a character that takes two UTF-16 units. */
    @Test
    void aLongNameOfEmojiIsCutBetweenCharacters() {
        String name = "\uD83D\uDE00".repeat(300);
        VerifiedAccessToken token = verifier.verify(token("{\"sub\":\"u1\",\"exp\":" + (now() + 900) + ",\"name\":\""
                + name + "\"}"));

        assertEquals("\uD83D\uDE00".repeat(255), token.name());
    }

    @Test
    void aCustomSkewIsHonoured() {
        AccessTokenVerifier strict = TokenVerifiers.builder(clock).skew(Duration.ZERO).ownKeys(OwnSigningKeys.of(key)).build();
        refused(strict, token("{\"sub\":\"u1\",\"exp\":" + (now() + 900) + ",\"iat\":" + (now() + 1) + "}"));
        refused(strict, token("{\"sub\":\"u1\",\"exp\":" + now() + "}"));
    }

    /** Better Auth behind a proxy with dynamic base URLs: iss follows the request's origin, one key for all. */
    @Test
    void severalIssuersAndAudiencesMayBeConfigured() {
        AccessTokenVerifier strict = TokenVerifiers.builder(clock).issuer("https://a.example, https://b.example")
                .audience("https://a.example,https://b.example").ownKeys(OwnSigningKeys.of(key)).build();
        String base = "{\"sub\":\"u1\",\"exp\":" + (now() + 900);
        strict.verify(token(base + ",\"iss\":\"https://a.example\",\"aud\":\"https://a.example\"}"));
        strict.verify(token(base + ",\"iss\":\"https://b.example\",\"aud\":\"https://b.example\"}"));
        refused(strict, token(base + ",\"iss\":\"https://c.example\",\"aud\":\"https://a.example\"}"));
        refused(strict, token(base + ",\"aud\":\"https://a.example\"}"));
        refused(strict, token(base + ",\"iss\":\"https://a.example\",\"aud\":\"https://c.example\"}"));
        refused(strict, token(base + ",\"iss\":\"https://a.example, https://b.example\",\"aud\":\"https://a.example\"}"));
    }

    /** Each refusal names the rule, whatever words the JOSE library uses; a null claim is a missing one, never a 500. */
    @Test
    void eachRefusalNamesTheClaimThatFailed() {
        AccessTokenVerifier strict = TokenVerifiers.builder(clock).skew(Duration.ZERO)
                .issuer("https://a.example, https://b.example").audience("https://a.example")
                .ownKeys(OwnSigningKeys.of(key)).build();
        String ok = ",\"iss\":\"https://a.example\",\"aud\":\"https://a.example\"";
        String exp = "\"exp\":" + (now() + 900);
        assertEquals("The token has no expiry (exp)", refused(strict, token("{\"sub\":\"u1\"" + ok + "}")));
        assertEquals("The token is not valid yet (nbf)",
                refused(strict, token("{\"sub\":\"u1\"," + exp + ",\"nbf\":" + (now() + 300) + ok + "}")));
        assertEquals("The token has the wrong issuer", refused(strict,
                token("{\"sub\":\"u1\"," + exp + ",\"iss\":null,\"aud\":\"https://a.example\"}")));
        assertEquals("The token has the wrong issuer", refused(strict,
                token("{\"sub\":\"u1\"," + exp + ",\"aud\":\"https://a.example\"}")));
        assertEquals("The token is not meant for this service (aud)", refused(strict,
                token("{\"sub\":\"u1\"," + exp + ",\"iss\":\"https://b.example\",\"aud\":[null,\"c\"]}")));
        assertEquals("The token has expired",
                refused(strict, token("{\"sub\":\"u1\",\"exp\":" + (now() - 1) + ok + "}")));
    }

    @Test
    void issuerAndAudienceAreCheckedWhenConfigured() {
        AccessTokenVerifier strict = TokenVerifiers.builder(clock).issuer("https://app.example").audience("https://app.example")
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
        VerifiedAccessToken odd = verifier.verify(token("{\"sub\":\"u1\"," + exp + ",\"email\":7,\"role\":[\"admin\"]}"));
        assertEquals(null, odd.email());
        assertFalse(odd.admin());
    }

    @Test
    void roleAdminAndBannedAreRead() {
        String exp = "\"exp\":" + (now() + 900);
        VerifiedAccessToken admin = verifier.verify(token("{\"sub\":\"a\",\"role\":\"admin\",\"banned\":true," + exp + "}"));
        assertTrue(admin.admin());
        assertTrue(admin.banned());
        VerifiedAccessToken user = verifier.verify(token("{\"sub\":\"b\",\"role\":\"user\",\"banned\":false," + exp + "}"));
        assertFalse(user.admin());
        assertFalse(user.banned());
    }

    @Test
    void theServicesOwnIssuedTokensPassTheSamePolicy() {
        var issued = new Ed25519TokenIssuer(OwnSigningKeys.of(key), clock, Duration.ofHours(1),
                java.util.Optional.of("https://api.example"), java.util.Optional.of("todo")).issue("u1", "a@b.c", "A");
        AccessTokenVerifier strict = TokenVerifiers.builder(clock).issuer("https://api.example").audience("todo")
                .ownKeys(OwnSigningKeys.of(key)).build();

        VerifiedAccessToken verified = strict.verify(issued.compactJws());

        assertFalse(verified.admin(), "no role claim");
        assertEquals(IdentitySource.OWN_KEY, verified.source());
        assertEquals(issued.expiresAt(), verified.expiresAt());
    }

    private AccessTokenVerifier fresh() {
        return TokenVerifiers.builder(clock).ownKeys(OwnSigningKeys.of(key)).build();
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    /** Nimbus would read both leniently: bytes that are not UTF-8 as U+FFFD, base64 with padding as without. */
    @Test
    void claimsThatAreNotUtf8AndPaddedSegmentsAreRefused() {
        byte[] prefix = "{\"sub\":\"u1".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] suffix = ("\",\"exp\":" + (now() + 900) + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] claims = new byte[prefix.length + 1 + suffix.length];
        System.arraycopy(prefix, 0, claims, 0, prefix.length);
        claims[prefix.length] = (byte) 0xFF;
        System.arraycopy(suffix, 0, claims, prefix.length + 1, suffix.length);
        String notUtf8 = signer.sign("EdDSA", "{\"alg\":\"EdDSA\",\"kid\":\"" + key.kid() + "\"}", claims);
        assertEquals("The token's claims are malformed", refused(fresh(), notUtf8));

        String good = token("{\"sub\":\"u1\",\"exp\":" + (now() + 900) + "}");
        assertEquals("The token is malformed or unsigned", refused(fresh(), good + "=="));
        assertEquals("The token is malformed or unsigned", refused(fresh(), good.replace(".", "=.")));
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int last = alphabet.indexOf(good.charAt(good.length() - 1));
        // An EdDSA signature is 64 bytes, 86 characters: the last one's four low bits carry nothing.
        String otherSpelling = good.substring(0, good.length() - 1) + alphabet.charAt(last + 1);
        assertEquals("The token is malformed or unsigned", refused(fresh(), otherSpelling));
        assertEquals("u1", fresh().verify(good).userId());
    }

    private String token(String claims) {
        return signer.sign("EdDSA", "{\"alg\":\"EdDSA\",\"kid\":\"" + key.kid() + "\"}", claims);
    }

    private void refused(String token) {
        refused(verifier, token);
    }

    private static String refused(AccessTokenVerifier verifier, String token) {
        return assertThrows(InvalidAccessTokenException.class, () -> verifier.verify(token)).getMessage();
    }
}
