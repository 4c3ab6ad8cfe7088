package app.todo.adapter.out.token;

import app.todo.application.port.out.AccessTokenVerifier;
import app.todo.application.port.out.VerifiedAccessToken;
import app.todo.application.port.out.InvalidAccessTokenException;
import app.todo.adapter.out.token.TokenVerificationListener.Outcome;
import app.todo.adapter.out.token.TokenVerificationListener.Source;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;

import java.util.Objects;
import java.util.Optional;

/**
 * The {@link AccessTokenVerifier} port as {@link TokenVerifiers} builds it: answers from the cache of
 * already-verified tokens when it can, else routes by the header's {@code alg}: HMAC to the shared secret
 * (if configured), asymmetric algorithms to the service's own keys when they hold the {@code kid}, else to
 * the remote JWKS. Each verifier
 * records its source in the verified token, so a remote key can never pass as the service's own.
 * Anything else, {@code none} in any spelling included, is refused.
 */
public final class CompositeTokenVerifier implements AccessTokenVerifier {

    private final Optional<SharedSecretTokenVerifier> sharedSecret;
    private final Optional<JwksTokenVerifier> ownKeys;
    private final Optional<JwksTokenVerifier> remoteKeys;
    private final VerifiedTokenCache cache;
    private final TokenVerificationListener listener;

    public CompositeTokenVerifier(Optional<SharedSecretTokenVerifier> sharedSecret, JwksTokenVerifier remoteKeys,
                                  VerifiedTokenCache cache) {
        this(sharedSecret, Optional.empty(), Optional.of(remoteKeys), cache, TokenVerificationListener.IGNORE);
    }

    /**
     * @param ownKeys    the service's own keys, asked first for a {@code kid} they hold
     * @param remoteKeys the frontend's JWKS, asked for every other asymmetric token
     * @param listener   told every outcome (never the token), e.g. to count verifications
     */
    public CompositeTokenVerifier(Optional<SharedSecretTokenVerifier> sharedSecret, Optional<JwksTokenVerifier> ownKeys,
                                  Optional<JwksTokenVerifier> remoteKeys, VerifiedTokenCache cache,
                                  TokenVerificationListener listener) {
        this.sharedSecret = Objects.requireNonNull(sharedSecret, "sharedSecret");
        this.ownKeys = Objects.requireNonNull(ownKeys, "ownKeys");
        this.remoteKeys = Objects.requireNonNull(remoteKeys, "remoteKeys");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public VerifiedAccessToken verify(String compactJwt) {
        Source source = Source.NONE;
        try {
            CompactTokens.checkSize(compactJwt); // before hashing: no work is spent on an oversized token
            Optional<VerifiedAccessToken> cached = cache.get(compactJwt);
            if (cached.isPresent()) {
                return reported(cached.get(), Outcome.CACHED, Source.NONE);
            }
            SignedJWT jwt = CompactTokens.parse(compactJwt);
            JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
            if (alg == null || "none".equalsIgnoreCase(alg.getName())) {
                throw new InvalidAccessTokenException("Unsigned tokens are not accepted");
            } else if (SharedSecretTokenVerifier.handles(alg)) {
                source = Source.SHARED_SECRET;
                VerifiedAccessToken verified = sharedSecret
                        .orElseThrow(() -> new InvalidAccessTokenException("The token's algorithm is not accepted")).verify(jwt);
                cache.put(compactJwt, verified);
                return reported(verified, Outcome.ACCEPTED, source);
            } else if (VerificationKeys.isAsymmetric(alg)) {
                source = Source.PUBLIC_KEY;
                JwksTokenVerifier keys = ownKeys.filter(own -> own.knows(jwt)).or(() -> remoteKeys)
                        .orElseThrow(() -> new InvalidAccessTokenException("The token's signing key is not known"));
                VerifiedAccessToken verified = keys.verify(jwt);
                String kid = jwt.getHeader().getKeyID();
                // A key that leaves its set takes its cached tokens with it.
                cache.put(compactJwt, verified, () -> keys.holds(kid));
                return reported(verified, Outcome.ACCEPTED, source);
            } else {
                throw new InvalidAccessTokenException("The token's algorithm is not accepted");
            }
        } catch (InvalidAccessTokenException e) {
            listener.verified(Outcome.REJECTED, source);
            throw e;
        }
    }

    private VerifiedAccessToken reported(VerifiedAccessToken token, Outcome outcome, Source source) {
        listener.verified(token.banned() ? Outcome.BANNED : outcome, source);
        return token;
    }
}
