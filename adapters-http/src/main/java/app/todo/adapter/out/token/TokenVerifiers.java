package app.todo.adapter.out.token;

import app.todo.application.port.out.AccessTokenVerifier;
import app.todo.domain.user.IdentitySource;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Wires the token verifier from configuration. Bootstrap passes what the environment says:
 * <pre>{@code
 * AccessTokenVerifier verifier = TokenVerifiers.builder(clock)
 *         .sharedSecret(env("BETTER_AUTH_SECRET"))     // null or empty: HS* tokens are refused
 *         .jwksUrl(settings.jwksUrl())                 // Optional<URI>; empty: no remote JWKS
 *         .issuer(env("AUTH_ISSUER")).audience(env("AUTH_AUDIENCE"))
 *         .skew(Duration.ofSeconds(60))                // AUTH_CLOCK_SKEW
 *         .ownKeys(ownSigningKeys)                     // always on
 *         .build();
 * }</pre>
 */
public final class TokenVerifiers {

    private TokenVerifiers() {
    }

    public static Builder builder(Clock clock) {
        return new Builder(clock);
    }

    public static final class Builder {
        private final Clock clock;
        private Duration skew = ClaimsPolicy.DEFAULT_SKEW;
        private Optional<String> issuer = Optional.empty();
        private Optional<String> audience = Optional.empty();
        private Optional<String> sharedSecret = Optional.empty();
        private Duration sharedSecretMaxLifetime = SharedSecretTokenVerifier.DEFAULT_MAX_LIFETIME;
        private Optional<URI> jwksUrl = Optional.empty();
        private Duration jwksRefetchInterval = RemoteJwks.DEFAULT_REFETCH_INTERVAL;
        private Optional<OwnSigningKeys> ownKeys = Optional.empty();
        private int cacheSize = VerifiedTokenCache.DEFAULT_MAX_ENTRIES;
        private TokenVerificationListener listener = TokenVerificationListener.IGNORE;

        private Builder(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        public Builder skew(Duration skew) {
            this.skew = Objects.requireNonNull(skew, "skew");
            return this;
        }

        /** {@code AUTH_ISSUER}: one accepted {@code iss}, or several separated by commas; blank: not checked. */
        public Builder issuer(String issuer) {
            this.issuer = present(issuer);
            return this;
        }

        public Builder issuer(Optional<String> issuer) {
            return issuer(issuer.orElse(null));
        }

        /** {@code AUTH_AUDIENCE}: what {@code aud} must contain one of, comma-separated; blank: not checked. */
        public Builder audience(String audience) {
            this.audience = present(audience);
            return this;
        }

        public Builder audience(Optional<String> audience) {
            return audience(audience.orElse(null));
        }

        /** {@code BETTER_AUTH_SECRET}; when set it must have at least 32 bytes, else {@link #build()} fails. */
        public Builder sharedSecret(String secret) {
            return sharedSecret(Optional.ofNullable(secret));
        }

        /** As {@link #sharedSecret(String)}; empty: HS* tokens are refused. */
        public Builder sharedSecret(Optional<String> secret) {
            this.sharedSecret = secret.filter(s -> !s.isEmpty());
            return this;
        }

        /** {@code AUTH_SHARED_SECRET_MAX_TTL}: the longest {@code exp − iat} a shared-secret token may have. */
        public Builder sharedSecretMaxLifetime(Duration maxLifetime) {
            this.sharedSecretMaxLifetime = Objects.requireNonNull(maxLifetime, "maxLifetime");
            return this;
        }

        /** {@code AUTH_JWKS_URL}, already checked to be http(s) by the settings. */
        public Builder jwksUrl(Optional<URI> url) {
            this.jwksUrl = Objects.requireNonNull(url, "url");
            return this;
        }

        public Builder jwksUrl(URI url) {
            return jwksUrl(Optional.of(url));
        }

        public Builder jwksRefetchInterval(Duration interval) {
            this.jwksRefetchInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        public Builder ownKeys(OwnSigningKeys keys) {
            this.ownKeys = Optional.of(keys);
            return this;
        }

        public Builder cacheSize(int entries) {
            this.cacheSize = entries;
            return this;
        }

        /** Told the outcome of every verification, e.g. {@code TokenVerificationMetrics} counting them. */
        public Builder listener(TokenVerificationListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The claim rules every token obeys; the own-token issuer must use the same issuer/audience. */
        public ClaimsPolicy policy() {
            return new ClaimsPolicy(clock, skew, issuer, audience);
        }

        public CompositeTokenVerifier build() {
            ClaimsPolicy policy = policy();
            return new CompositeTokenVerifier(
                    sharedSecret.map(secret -> new SharedSecretTokenVerifier(secret, policy, clock, sharedSecretMaxLifetime)),
                    // Asked first: a remote set can never shadow the service's own kid.
                    ownKeys.map(keys -> new JwksTokenVerifier(keys, policy, IdentitySource.OWN_KEY)),
                    jwksUrl.map(url -> new JwksTokenVerifier(new RemoteJwks(url, clock, jwksRefetchInterval), policy,
                            IdentitySource.JWKS)),
                    new VerifiedTokenCache(clock, cacheSize),
                    listener);
        }

        private static Optional<String> present(String value) {
            return Optional.ofNullable(value).map(String::strip).filter(s -> !s.isEmpty());
        }
    }
}
