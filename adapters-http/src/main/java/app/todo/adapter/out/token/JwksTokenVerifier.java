package app.todo.adapter.out.token;

import app.todo.application.port.out.AccessTokenVerifier;
import app.todo.application.port.out.VerifiedAccessToken;
import app.todo.application.port.out.InvalidAccessTokenException;
import app.todo.domain.user.IdentitySource;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;

import java.util.Objects;

/**
 * Asymmetric tokens (EdDSA/Ed25519, ES256/384/512, RS/PS256/384/512) checked against a key chosen by
 * {@code kid} and checked by Nimbus's verifier for the key's type. The key decides which algorithms it accepts, so an HMAC token "signed" with a public key
 * (algorithm confusion) fails like any other mismatch. Used for Better Auth's JWKS and the service's own keys alike.
 */
public final class JwksTokenVerifier implements AccessTokenVerifier {

    private final PublicKeySource keys;
    private final ClaimsPolicy policy;
    private final IdentitySource source;

    /** @param source who vouches for tokens these keys verify: the frontend's JWKS, or the service's own key */
    public JwksTokenVerifier(PublicKeySource keys, ClaimsPolicy policy, IdentitySource source) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * Whether these keys hold the token's key, so that this verifier is the one to ask. A kid not known yet makes
     * the source look again ({@link PublicKeySource#find}: the service's own ring re-reads the key store at most
     * every few seconds), so a key another instance has just made verifies here at once.
     */
    public boolean knows(SignedJWT jwt) {
        String kid = jwt.getHeader().getKeyID();
        return kid != null && !kid.isEmpty() && keys.find(kid).isPresent();
    }

    /** Whether the key {@code kid} is (still) one of these keys. */
    public boolean holds(String kid) {
        return kid != null && !kid.isEmpty() && keys.holds(kid);
    }

    @Override
    public VerifiedAccessToken verify(String compactJwt) {
        return verify(CompactTokens.parse(compactJwt));
    }

    public VerifiedAccessToken verify(SignedJWT jwt) {
        JWSHeader header = jwt.getHeader();
        JWSAlgorithm alg = header.getAlgorithm();
        if (!VerificationKeys.isAsymmetric(alg)) {
            throw new InvalidAccessTokenException("The token's algorithm is not accepted");
        }
        CompactTokens.refuseCriticalHeaders(header);
        String kid = header.getKeyID();
        if (kid == null || kid.isEmpty()) {
            throw new InvalidAccessTokenException("The token names no key (kid)");
        }
        JWK key = keys.find(kid).orElseThrow(() -> new InvalidAccessTokenException("The token's signing key is not known"));
        if (!VerificationKeys.accepts(key, alg)) {
            throw new InvalidAccessTokenException("The token's algorithm does not match its key");
        }
        if (!signatureMatches(key, jwt)) {
            throw new InvalidAccessTokenException("The token's signature is invalid");
        }
        return policy.check(CompactTokens.claims(jwt), source);
    }

    private static boolean signatureMatches(JWK key, SignedJWT jwt) {
        try {
            return jwt.verify(VerificationKeys.verifier(key));
        } catch (JOSEException | RuntimeException e) {
            return false; // a malformed signature is simply not a valid one
        }
    }

}
