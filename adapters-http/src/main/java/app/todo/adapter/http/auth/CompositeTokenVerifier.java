package app.todo.adapter.http.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;

import java.util.Objects;
import java.util.Optional;

/**
 * The verifier the HTTP layer uses: answers from the cache of already-verified tokens when it can,
 * else routes by the header's {@code alg}: HMAC to the shared secret (if configured), asymmetric algorithms
 * to the key source (own keys, then the remote JWKS). Anything else, {@code none} in any spelling included, is refused.
 */
public final class CompositeTokenVerifier implements TokenVerifier {

    private final Optional<SharedSecretTokenVerifier> sharedSecret;
    private final JwksTokenVerifier publicKeys;
    private final VerifiedTokenCache cache;

    public CompositeTokenVerifier(Optional<SharedSecretTokenVerifier> sharedSecret, JwksTokenVerifier publicKeys,
                                  VerifiedTokenCache cache) {
        this.sharedSecret = Objects.requireNonNull(sharedSecret, "sharedSecret");
        this.publicKeys = Objects.requireNonNull(publicKeys, "publicKeys");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    @Override
    public VerifiedToken verify(String compactJwt) {
        CompactTokens.checkSize(compactJwt); // before hashing: no work is spent on an oversized token
        Optional<VerifiedToken> cached = cache.get(compactJwt);
        if (cached.isPresent()) {
            return cached.get();
        }
        SignedJWT jwt = CompactTokens.parse(compactJwt);
        JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
        VerifiedToken verified;
        if (alg == null || "none".equalsIgnoreCase(alg.getName())) {
            throw new InvalidTokenException("Unsigned tokens are not accepted");
        } else if (SharedSecretTokenVerifier.handles(alg)) {
            verified = sharedSecret.orElseThrow(() -> new InvalidTokenException("The token's algorithm is not accepted"))
                    .verify(jwt);
        } else if (JwksTokenVerifier.isAsymmetric(alg)) {
            verified = publicKeys.verify(jwt);
        } else {
            throw new InvalidTokenException("The token's algorithm is not accepted");
        }
        cache.put(compactJwt, verified);
        return verified;
    }
}
