package app.todo.adapter.out.token;

import app.todo.application.port.out.IdentityProviderUnavailableException;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetBasedJWKSource;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetRetrievalException;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JWK set at {@code AUTH_JWKS_URL} (Better Auth's {@code /api/auth/jwks}), cached in memory by Nimbus's
 * {@link JWKSourceBuilder}: the set is kept {@link #DEFAULT_MAX_AGE} (so a key removed from it stops verifying
 * within that age), refetched when a token names a kid it does not hold, and kept through outages (a failed or
 * garbled fetch keeps the keys already known, so an outage of the frontend does not log everybody out; a
 * successful one replaces them, so rotation and revocation take effect).
 *
 * <p>Hand-written below Nimbus's cache, each for a reason Nimbus's own pieces do not cover:
 * <ul>
 *   <li>the fetch: one overall deadline ({@link #FETCH_DEADLINE}: connecting, headers and body together), a size
 *       bound, no redirects; Nimbus's {@code DefaultResourceRetriever} times each read, so a server that trickles
 *       its body holds a request indefinitely;</li>
 *   <li>at most one fetch per {@code refetchInterval} (30 s by default), so a stream of made-up kids cannot turn
 *       this service into a load generator against the frontend; Nimbus's {@code RateLimitedJWKSetSource}
 *       lets two through per interval;</li>
 *   <li>parsing that skips unusable keys ({@link VerificationKeys#usable}); Nimbus's {@code JWKSet.parse}
 *       refuses a whole set for one malformed key;</li>
 *   <li>the clock: Nimbus's sources take the time as an argument, but {@code JWKSetBasedJWKSource} reads the
 *       system clock, so {@link #find} makes the same two calls with the injected one.</li>
 * </ul>
 */
public final class RemoteJwks implements PublicKeySource {

    public static final Duration DEFAULT_REFETCH_INTERVAL = Duration.ofSeconds(30);
    /** Better Auth rotates keys rarely; five minutes bounds how long a removed key is still trusted. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);
    static final Duration FETCH_DEADLINE = Duration.ofSeconds(3);
    static final int MAX_RESPONSE_BYTES = 256 * 1024;
    private static final Logger LOG = Logger.getLogger(RemoteJwks.class.getName());

    private final URI url;
    private final HttpClient http;
    private final Clock clock;
    private final Duration refetchInterval;
    private final JWKSetSource<SecurityContext> keys;
    private volatile Instant lastAttempt; // null until the first attempt
    private volatile boolean lastFetchSucceeded;

    public RemoteJwks(URI url, Clock clock, Duration refetchInterval, Duration maxAge) {
        this.url = Objects.requireNonNull(url, "url"); // http(s): Settings checks AUTH_JWKS_URL
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refetchInterval = Objects.requireNonNull(refetchInterval, "refetchInterval");
        // HTTP/1.1 always: on http:// the JDK's default (HTTP/2) sends "Upgrade: h2c", and Next.js, where
        // Better Auth's JWKS usually lives, closes the socket on it (docs/authentication.md).
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(FETCH_DEADLINE)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JWKSource<SecurityContext> built = JWKSourceBuilder.create(new BoundedFetch())
                .cache(maxAge.toMillis(), FETCH_DEADLINE.toMillis() + 500)
                .rateLimited(false) // BoundedFetch limits to one fetch per interval
                .refreshAheadCache(false) // its executor would be one more thread to close; a fetch on expiry suffices
                .retrying(false)
                .outageTolerantForever()
                .build();
        this.keys = ((JWKSetBasedJWKSource<SecurityContext>) built).getJWKSetSource();
    }

    public RemoteJwks(URI url, Clock clock, Duration refetchInterval) {
        this(url, clock, refetchInterval, DEFAULT_MAX_AGE);
    }

    public RemoteJwks(URI url, Clock clock) {
        this(url, clock, DEFAULT_REFETCH_INTERVAL);
    }

    /**
     * The key {@code kid} of the set, fetched or refetched as needed.
     *
     * @throws IdentityProviderUnavailableException when the key is not known <em>because</em> the set could not be
     *         fetched (never loaded, or the refetch for an unknown kid failed): the caller answers 503, so a
     *         frontend does not sign its user out over an outage of the key set
     */
    @Override
    public Optional<JWK> find(String kid) {
        long now = clock.millis();
        JWKSet known;
        try {
            known = keys.getJWKSet(JWKSetCacheRefreshEvaluator.noRefresh(), now, null);
        } catch (KeySourceException e) {
            throw unavailable(); // no set could be loaded yet; the fetch has logged why
        }
        JWK key = known.getKeyByKeyId(kid);
        if (key == null) { // a kid not held: the set may have rotated since
            try {
                key = keys.getJWKSet(JWKSetCacheRefreshEvaluator.referenceComparison(known), now, null).getKeyByKeyId(kid);
            } catch (KeySourceException e) {
                key = null;
            }
            if (key == null && !lastFetchSucceeded) {
                throw unavailable();
            }
        }
        return Optional.ofNullable(key);
    }

    /** On a cache hit: a key the set cannot be asked about right now is not vouched for. */
    @Override
    public boolean holds(String kid) {
        try {
            return find(kid).isPresent();
        } catch (IdentityProviderUnavailableException e) {
            return false;
        }
    }

    private IdentityProviderUnavailableException unavailable() {
        return new IdentityProviderUnavailableException("the JWK set at " + loggable(url)
                + " could not be fetched (see the warning before), so the token's key cannot be looked up", null);
    }

    /**
     * Fetches the set now, whatever the rate limit says (bootstrap may call it once at start so the first
     * request does not wait). Returns whether the fetch succeeded; on failure the known keys stay.
     */
    public boolean refresh() {
        lastAttempt = null;
        try {
            keys.getJWKSet(JWKSetCacheRefreshEvaluator.forceRefresh(), clock.millis(), null);
            return lastFetchSucceeded;
        } catch (KeySourceException e) {
            return false;
        }
    }

    /** The kids currently known, for diagnostics. */
    public List<String> knownKids() {
        try {
            return keys.getJWKSet(JWKSetCacheRefreshEvaluator.noRefresh(), clock.millis(), null).getKeys().stream()
                    .map(JWK::getKeyID).toList();
        } catch (KeySourceException e) {
            return List.of();
        }
    }

    /** The bottom of Nimbus's chain: one bounded fetch, at most once per interval, unusable keys dropped. */
    private final class BoundedFetch implements JWKSetSource<SecurityContext> {

        @Override
        public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
                throws KeySourceException {
            Instant last = lastAttempt;
            Instant now = Instant.ofEpochMilli(currentTime);
            if (last != null && now.isBefore(last.plus(refetchInterval))) {
                throw new JWKSetUnavailableException("the JWK set was fetched less than "
                        + refetchInterval.toSeconds() + " s ago");
            }
            lastAttempt = now;
            try {
                JWKSet fetched = parse(fetch());
                lastFetchSucceeded = true;
                return fetched;
            } catch (IOException | ParseException | RuntimeException e) {
                lastFetchSucceeded = false;
                String reason = e.getMessage() != null ? e.getMessage().replace(url.toString(), loggable(url))
                        : e.getClass().getSimpleName();
                LOG.log(Level.WARNING, "Could not load the JWK set from {0}: {1}; keeping the keys known",
                        new Object[]{loggable(url), reason});
                throw new JWKSetRetrievalException("could not load the JWK set", null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                lastFetchSucceeded = false;
                throw new JWKSetRetrievalException("interrupted", e);
            }
        }

        @Override
        public void close() {
        }
    }

    /** The whole exchange, body included, within {@link #FETCH_DEADLINE}; at most {@link #MAX_RESPONSE_BYTES}. */
    private String fetch() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(FETCH_DEADLINE)
                .header("Accept", "application/json")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, response ->
                response.statusCode() != 200
                        ? HttpResponse.BodySubscribers.replacing(null)
                        : new BoundedBody(MAX_RESPONSE_BYTES));
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(FETCH_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true); // aborts the exchange, so a stalled server holds nothing of ours
            throw new IOException("no complete answer within " + FETCH_DEADLINE.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP status " + response.statusCode());
        }
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** Collects a body up to a size, and fails the exchange as soon as it grows past it. */
    private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int max;
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        BoundedBody(int max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new IOException("the response is larger than " + max + " bytes"));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }

    /** Keeps every usable key; skips the ones that are malformed, unsupported or not for signatures. */
    static JWKSet parse(String json) throws ParseException {
        Map<String, Object>[] entries = JSONObjectUtils.getJSONObjectArray(JSONObjectUtils.parse(json), "keys");
        if (entries == null) {
            throw new ParseException("no \"keys\" array", 0);
        }
        Map<String, JWK> parsed = new LinkedHashMap<>();
        for (Map<String, Object> entry : entries) {
            try {
                JWK jwk = JWK.parse(entry);
                if (VerificationKeys.usable(jwk)) {
                    parsed.putIfAbsent(jwk.getKeyID(), jwk.toPublicJWK());
                }
            } catch (ParseException | RuntimeException e) {
                LOG.log(Level.FINE, "Skipping an unusable JWK: {0}", e.getMessage());
            }
        }
        return new JWKSet(List.copyOf(parsed.values()));
    }

    /**
     * {@code url} as it may be logged: scheme, host, port and path, without userinfo
     * ({@code user:password@}), query or fragment, where credentials and signed parameters live.
     */
    public static String loggable(URI url) {
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        return url.getScheme() + "://" + url.getHost() + port + (url.getRawPath() == null ? "" : url.getRawPath());
    }
}
