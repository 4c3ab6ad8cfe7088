package app.todo.adapter.http.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * HS256/HS384/HS512 tokens signed with the secret a frontend shares with this service
 * ({@code BETTER_AUTH_SECRET}), as Next.js apps sign them: no {@code kid} needed.
 */
public final class SharedSecretTokenVerifier implements TokenVerifier {

    public static final int MIN_SECRET_BYTES = 32;
    private static final Set<JWSAlgorithm> ACCEPTED = Set.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512);

    private final MACVerifier verifier;
    private final ClaimsPolicy policy;

    public SharedSecretTokenVerifier(String secret, ClaimsPolicy policy) {
        byte[] key = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("BETTER_AUTH_SECRET must be at least " + MIN_SECRET_BYTES
                    + " bytes long (it is " + key.length + ")");
        }
        try {
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("BETTER_AUTH_SECRET cannot be used as an HMAC key", e);
        }
        this.policy = policy;
    }

    /** Whether this verifier is the one to ask for a token signed with {@code algorithm}. */
    public static boolean handles(JWSAlgorithm algorithm) {
        return ACCEPTED.contains(algorithm);
    }

    @Override
    public VerifiedToken verify(String compactJwt) {
        return verify(CompactTokens.parse(compactJwt));
    }

    public VerifiedToken verify(SignedJWT jwt) {
        if (!handles(jwt.getHeader().getAlgorithm())) {
            throw new InvalidTokenException("The token's algorithm is not accepted");
        }
        CompactTokens.refuseCriticalHeaders(jwt.getHeader());
        boolean valid;
        try {
            valid = jwt.verify(verifier);
        } catch (JOSEException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            throw new InvalidTokenException("The token's signature is invalid");
        }
        return policy.check(CompactTokens.claims(jwt));
    }
}
