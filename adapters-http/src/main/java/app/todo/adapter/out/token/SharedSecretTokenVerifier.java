package app.todo.adapter.out.token;

import app.todo.application.port.out.AccessTokenVerifier;
import app.todo.application.port.out.VerifiedAccessToken;
import app.todo.application.port.out.InvalidAccessTokenException;
import app.todo.domain.user.IdentitySource;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Map;

/**
 * HS256/HS384/HS512 tokens signed with the secret a frontend shares with this service
 * ({@code BETTER_AUTH_SECRET}), as Next.js apps sign them: no {@code kid} needed.
 *
 * <p>HS256 is Nimbus's {@link MACVerifier}. HS384 and HS512 are the JDK's {@link Mac} by hand, because Nimbus
 * refuses them with a key shorter than the hash, while the contract (§1) promises all three with any secret of
 * 32 bytes or more, as the backends this service replaces accept them.
 */
public final class SharedSecretTokenVerifier implements AccessTokenVerifier {

    public static final int MIN_SECRET_BYTES = 32;
    private static final Map<JWSAlgorithm, String> JDK_NAMES = Map.of(
            JWSAlgorithm.HS256, "HmacSHA256", JWSAlgorithm.HS384, "HmacSHA384", JWSAlgorithm.HS512, "HmacSHA512");

    /**
     * Whoever holds the secret can sign anything (a frontend's environment, a preview deploy), so a
     * token of theirs may not outlive a day: a leaked long-lived token is not a permanent key.
     */
    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofHours(24);

    private final byte[] key;
    private final MACVerifier hs256;
    private final ClaimsPolicy policy;
    private final Clock clock;
    private final Duration maxLifetime;

    public SharedSecretTokenVerifier(String secret, ClaimsPolicy policy) {
        this(secret, policy, Clock.systemUTC(), DEFAULT_MAX_LIFETIME);
    }

    /** @param maxLifetime the longest {@code exp − iat} accepted ({@code exp − now} for a token without {@code iat}) */
    public SharedSecretTokenVerifier(String secret, ClaimsPolicy policy, Clock clock, Duration maxLifetime) {
        byte[] bytes = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("BETTER_AUTH_SECRET must be at least " + MIN_SECRET_BYTES
                    + " bytes long (it is " + bytes.length + ")");
        }
        this.key = bytes;
        try {
            this.hs256 = new MACVerifier(bytes);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("BETTER_AUTH_SECRET is not a usable HMAC key", e);
        }
        this.policy = policy;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxLifetime = Objects.requireNonNull(maxLifetime, "maxLifetime");
    }

    /** Whether this verifier is the one to ask for a token signed with {@code algorithm}. */
    public static boolean handles(JWSAlgorithm algorithm) {
        return JDK_NAMES.containsKey(algorithm);
    }

    @Override
    public VerifiedAccessToken verify(String compactJwt) {
        return verify(CompactTokens.parse(compactJwt));
    }

    public VerifiedAccessToken verify(SignedJWT jwt) {
        JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
        if (!handles(algorithm)) {
            throw new InvalidAccessTokenException("The token's algorithm is not accepted");
        }
        CompactTokens.refuseCriticalHeaders(jwt.getHeader());
        if (!signatureMatches(algorithm, jwt)) {
            throw new InvalidAccessTokenException("The token's signature is invalid");
        }
        JWTClaimsSet claims = CompactTokens.claims(jwt);
        VerifiedAccessToken verified = policy.check(claims, IdentitySource.SHARED_SECRET);
        Instant issuedAt = claims.getIssueTime() == null ? clock.instant() : claims.getIssueTime().toInstant();
        if (Duration.between(issuedAt, verified.expiresAt()).compareTo(maxLifetime) > 0) {
            throw new InvalidAccessTokenException("The token lives longer than shared-secret tokens may ("
                    + maxLifetime.toHours() + " h at most)");
        }
        return verified;
    }

    private boolean signatureMatches(JWSAlgorithm algorithm, SignedJWT jwt) {
        try {
            if (JWSAlgorithm.HS256.equals(algorithm)) {
                return jwt.verify(hs256);
            }
            String jdkName = JDK_NAMES.get(algorithm);
            Mac mac = Mac.getInstance(jdkName);
            mac.init(new SecretKeySpec(key, jdkName));
            byte[] expected = mac.doFinal(jwt.getSigningInput());
            // Constant time, so the comparison leaks nothing about how much of a forged signature was right.
            return MessageDigest.isEqual(expected, jwt.getSignature().decode());
        } catch (GeneralSecurityException | JOSEException | RuntimeException e) {
            return false;
        }
    }
}
