package app.todo.adapter.in.http.auth;

import app.todo.domain.user.IdentitySource;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.SignedJWT;

import java.util.Objects;

/**
 * Asymmetric tokens (EdDSA/Ed25519, ES256/384/512, RS/PS256/384/512) checked against a key chosen by
 * {@code kid}. The key decides which algorithms it accepts, so an HMAC token "signed" with a public key
 * (algorithm confusion) fails like any other mismatch. Used for Better Auth's JWKS and the service's own keys alike.
 */
public final class JwksTokenVerifier implements TokenVerifier {

    private final PublicKeySource keys;
    private final ClaimsPolicy policy;
    private final IdentitySource source;

    /** @param source who vouches for tokens these keys verify: the frontend's JWKS, or the service's own key */
    public JwksTokenVerifier(PublicKeySource keys, ClaimsPolicy policy, IdentitySource source) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.source = Objects.requireNonNull(source, "source");
    }

    /** Whether these keys hold the token's key, so that this verifier is the one to ask. */
    public boolean knows(SignedJWT jwt) {
        return holds(jwt.getHeader().getKeyID());
    }

    /** Whether the key {@code kid} is (still) one of these keys. */
    public boolean holds(String kid) {
        return kid != null && !kid.isEmpty() && keys.holds(kid);
    }

    @Override
    public VerifiedToken verify(String compactJwt) {
        return verify(CompactTokens.parse(compactJwt));
    }

    public VerifiedToken verify(SignedJWT jwt) {
        JWSHeader header = jwt.getHeader();
        JWSAlgorithm alg = header.getAlgorithm();
        if (!isAsymmetric(alg)) {
            throw new InvalidTokenException("The token's algorithm is not accepted");
        }
        CompactTokens.refuseCriticalHeaders(header);
        String kid = header.getKeyID();
        if (kid == null || kid.isEmpty()) {
            throw new InvalidTokenException("The token names no key (kid)");
        }
        VerificationKey key = keys.find(kid)
                .orElseThrow(() -> new InvalidTokenException("The token's signing key is not known"));
        if (!key.accepts(alg)) {
            throw new InvalidTokenException("The token's algorithm does not match its key");
        }
        if (!key.verify(alg, jwt.getSigningInput(), jwt.getSignature().decode())) {
            throw new InvalidTokenException("The token's signature is invalid");
        }
        return policy.check(CompactTokens.claims(jwt), source);
    }

    /** Whether a token with this algorithm is one for a public key at all. */
    public static boolean isAsymmetric(JWSAlgorithm alg) {
        return VerificationKey.ED25519.contains(alg) || JWSAlgorithm.Family.EC.contains(alg)
                || JWSAlgorithm.Family.RSA.contains(alg);
    }
}
