package app.todo.adapter.http.auth;

import app.todo.adapter.http.auth.TokenVerificationListener.Outcome;
import app.todo.adapter.http.auth.TokenVerificationListener.Source;
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
    private final TokenVerificationListener listener;

    public CompositeTokenVerifier(Optional<SharedSecretTokenVerifier> sharedSecret, JwksTokenVerifier publicKeys,
                                  VerifiedTokenCache cache) {
        this(sharedSecret, publicKeys, cache, TokenVerificationListener.IGNORE);
    }

    /** @param listener told every outcome (never the token), e.g. to count verifications */
    public CompositeTokenVerifier(Optional<SharedSecretTokenVerifier> sharedSecret, JwksTokenVerifier publicKeys,
                                  VerifiedTokenCache cache, TokenVerificationListener listener) {
        this.sharedSecret = Objects.requireNonNull(sharedSecret, "sharedSecret");
        this.publicKeys = Objects.requireNonNull(publicKeys, "publicKeys");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public VerifiedToken verify(String compactJwt) {
        Source source = Source.NONE;
        try {
            CompactTokens.checkSize(compactJwt); // before hashing: no work is spent on an oversized token
            Optional<VerifiedToken> cached = cache.get(compactJwt);
            if (cached.isPresent()) {
                return reported(cached.get(), Outcome.CACHED, Source.NONE);
            }
            SignedJWT jwt = CompactTokens.parse(compactJwt);
            JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
            VerifiedToken verified;
            if (alg == null || "none".equalsIgnoreCase(alg.getName())) {
                throw new InvalidTokenException("Unsigned tokens are not accepted");
            } else if (SharedSecretTokenVerifier.handles(alg)) {
                source = Source.SHARED_SECRET;
                verified = sharedSecret.orElseThrow(() -> new InvalidTokenException("The token's algorithm is not accepted"))
                        .verify(jwt);
            } else if (JwksTokenVerifier.isAsymmetric(alg)) {
                source = Source.PUBLIC_KEY;
                verified = publicKeys.verify(jwt);
            } else {
                throw new InvalidTokenException("The token's algorithm is not accepted");
            }
            cache.put(compactJwt, verified);
            return reported(verified, Outcome.ACCEPTED, source);
        } catch (InvalidTokenException e) {
            listener.verified(Outcome.REJECTED, source);
            throw e;
        }
    }

    private VerifiedToken reported(VerifiedToken token, Outcome outcome, Source source) {
        listener.verified(token.banned() ? Outcome.BANNED : outcome, source);
        return token;
    }
}
