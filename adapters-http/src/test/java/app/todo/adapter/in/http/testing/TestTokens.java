package app.todo.adapter.in.http.testing;

import app.todo.adapter.out.token.Ed25519TokenIssuer;
import app.todo.domain.account.AccessToken;
import app.todo.adapter.out.token.OwnSigningKeys;
import app.todo.adapter.out.token.Ed25519KeyPairs;
import app.todo.domain.account.SigningKey;
import app.todo.adapter.out.token.TokenVerifiers;

import app.todo.adapter.out.token.ClaimsPolicy;
import app.todo.adapter.out.token.SharedSecretTokenVerifier;
import app.todo.application.port.out.AccessTokenVerifier;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Real HS256 tokens, signed the way a Next.js frontend signs them with {@code BETTER_AUTH_SECRET}, for
 * tests here and end-to-end tests elsewhere (this class ships in the adapters-http test-jar).
 */
public final class TestTokens {

    /** A secret long enough for the verifier's 32-byte minimum. */
    public static final String SECRET = "test-secret-of-the-todo-api-at-least-32-bytes";

    private TestTokens() {
    }

    /** The service's own signing key in tests: its tokens vouch for own accounts (sign-up, sign-in). */
    public static final OwnSigningKeys OWN_KEYS = OwnSigningKeys.of(newKey(Clock.systemUTC()));

    /**
     * The production verifier as bootstrap builds it: shared-secret tokens with {@link #SECRET}, and the
     * service's own tokens with {@link #OWN_KEYS}; no issuer or audience checks.
     */
    public static AccessTokenVerifier verifier() {
        return TokenVerifiers.builder(Clock.systemUTC()).sharedSecret(SECRET).ownKeys(OWN_KEYS).build();
    }

    /** A token of the service's own key for an own account, valid for an hour, as sign-in issues it. */
    public static AccessToken own(String userId) {
        return own(userId, null);
    }

    /** Like {@link #own(String)}, in the session {@code sessionId} ({@code sid}). */
    public static AccessToken own(String userId, String sessionId) {
        return issuer().issue(userId, null, null, sessionId);
    }

    /** The issuer of {@link #OWN_KEYS}: tokens valid for an hour of real time, no issuer or audience. */
    public static Ed25519TokenIssuer issuer() {
        return new Ed25519TokenIssuer(OWN_KEYS, Clock.systemUTC(), Duration.ofHours(1), Optional.empty(),
                Optional.empty());
    }

    /** A token of {@code userId} valid for 15 minutes, with an email and a name. */
    public static String valid(String userId) {
        return sign(claims(userId).build());
    }

    /** A token whose claims the caller adjusts, e.g. {@code b -> b.claim("banned", true)}. */
    public static String with(String userId, UnaryOperator<JWTClaimsSet.Builder> adjust) {
        return sign(adjust.apply(claims(userId)).build());
    }

    /** Expired an hour ago, well beyond any clock skew. */
    public static String expired(String userId) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return with(userId, b -> b.issueTime(Date.from(past)).expirationTime(Date.from(past.plus(Duration.ofHours(1)))));
    }

    /** Correct in every way but signed with another secret. */
    public static String signedWithOtherSecret(String userId) {
        return sign(claims(userId).build(), JWSAlgorithm.HS256, SECRET + "-but-another-one");
    }

    /** {@code alg: none}: a token anyone can forge. */
    public static String unsigned(String userId) {
        return new PlainJWT(claims(userId).build()).serialize();
    }

    public static String sign(JWTClaimsSet claims) {
        return sign(claims, JWSAlgorithm.HS256, SECRET);
    }

    public static String sign(JWTClaimsSet claims, JWSAlgorithm algorithm, String secret) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }

    private static JWTClaimsSet.Builder claims(String userId) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(userId)
                .claim("email", userId + "@example.com")
                .claim("name", "User " + userId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))));
    }

    /** Fresh key pairs in the key store's form, as the persistence adapter's generator makes them in production. */
    public static java.util.function.Supplier<SigningKey> keyGenerator(Clock clock) {
        return Ed25519KeyPairs.generator(clock);
    }

    /** One fresh key pair, made at the clock's second. */
    public static SigningKey newKey(Clock clock) {
        return Ed25519KeyPairs.generator(clock).get();
    }
}
