package app.todo.adapter.http.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Map;

/**
 * HS256/HS384/HS512 tokens signed with the secret a frontend shares with this service
 * ({@code BETTER_AUTH_SECRET}), as Next.js apps sign them: no {@code kid} needed.
 *
 * <p>The JDK's {@link Mac} checks the signature rather than Nimbus's verifier, which refuses HS384/HS512
 * with a key shorter than the hash: the contract promises all three with any secret of 32 bytes or more,
 * as the backends this service replaces accept them.
 */
public final class SharedSecretTokenVerifier implements TokenVerifier {

    public static final int MIN_SECRET_BYTES = 32;
    private static final Map<JWSAlgorithm, String> JDK_NAMES = Map.of(
            JWSAlgorithm.HS256, "HmacSHA256", JWSAlgorithm.HS384, "HmacSHA384", JWSAlgorithm.HS512, "HmacSHA512");

    private final byte[] key;
    private final ClaimsPolicy policy;

    public SharedSecretTokenVerifier(String secret, ClaimsPolicy policy) {
        byte[] bytes = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("BETTER_AUTH_SECRET must be at least " + MIN_SECRET_BYTES
                    + " bytes long (it is " + bytes.length + ")");
        }
        this.key = bytes;
        this.policy = policy;
    }

    /** Whether this verifier is the one to ask for a token signed with {@code algorithm}. */
    public static boolean handles(JWSAlgorithm algorithm) {
        return JDK_NAMES.containsKey(algorithm);
    }

    @Override
    public VerifiedToken verify(String compactJwt) {
        return verify(CompactTokens.parse(compactJwt));
    }

    public VerifiedToken verify(SignedJWT jwt) {
        JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
        if (!handles(algorithm)) {
            throw new InvalidTokenException("The token's algorithm is not accepted");
        }
        CompactTokens.refuseCriticalHeaders(jwt.getHeader());
        if (!signatureMatches(JDK_NAMES.get(algorithm), jwt)) {
            throw new InvalidTokenException("The token's signature is invalid");
        }
        return policy.check(CompactTokens.claims(jwt));
    }

    private boolean signatureMatches(String jdkName, SignedJWT jwt) {
        try {
            Mac mac = Mac.getInstance(jdkName);
            mac.init(new SecretKeySpec(key, jdkName));
            byte[] expected = mac.doFinal(jwt.getSigningInput());
            // Constant time, so the comparison leaks nothing about how much of a forged signature was right.
            return MessageDigest.isEqual(expected, jwt.getSignature().decode());
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
