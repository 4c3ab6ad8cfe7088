package app.todo.adapter.in.http.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JWK set at {@code AUTH_JWKS_URL} (Better Auth's {@code /api/auth/jwks}), cached in memory.
 * <p>
 * It is fetched when a token names a kid the cache does not know, and when the set is older than its
 * maximum age ({@link #DEFAULT_MAX_AGE}), so a key removed from the set stops verifying within that age;
 * either way at most once per {@code refetchInterval} (30 s by default), so a stream of made-up kids
 * cannot turn this service into a load generator against the frontend. A failed or garbled fetch keeps
 * the keys already known, so an outage of the frontend does not log everybody out; a successful one
 * replaces them, so rotation and revocation take effect.
 * <p>
 * One fetch runs at a time, with one overall deadline ({@link #FETCH_DEADLINE}: connecting, headers and
 * body together). Requests that need it wait for it at most that long, holding no lock: a JWKS server
 * that stalls after its headers delays a few requests by the deadline, never more.
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
    private final Duration maxAge;
    private final AtomicReference<CompletableFuture<Boolean>> inFlight = new AtomicReference<>();
    private volatile Map<String, VerificationKey> keys = Map.of();
    private volatile Instant fetchedAt; // when the current keys arrived; null until a fetch succeeds
    private volatile Instant lastAttempt; // null until the first attempt

    public RemoteJwks(URI url, Clock clock, Duration refetchInterval, Duration maxAge) {
        this.url = Objects.requireNonNull(url, "url");
        String scheme = url.getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("AUTH_JWKS_URL must be an http(s) URL");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refetchInterval = Objects.requireNonNull(refetchInterval, "refetchInterval");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.http = HttpClient.newBuilder()
                .connectTimeout(FETCH_DEADLINE)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public RemoteJwks(URI url, Clock clock, Duration refetchInterval) {
        this(url, clock, refetchInterval, DEFAULT_MAX_AGE);
    }

    public RemoteJwks(URI url, Clock clock) {
        this(url, clock, DEFAULT_REFETCH_INTERVAL);
    }

    @Override
    public Optional<VerificationKey> find(String kid) {
        VerificationKey key = keys.get(kid);
        if (key != null && !isStale()) {
            return Optional.of(key);
        }
        if (mayFetch()) {
            awaitFetch();
        }
        return Optional.ofNullable(keys.get(kid));
    }

    /**
     * Fetches the set now, whatever the rate limit says (bootstrap may call it once at start so the first
     * request does not wait). Returns whether the fetch succeeded; on failure the known keys stay.
     */
    public boolean refresh() {
        return awaitFetch();
    }

    private boolean isStale() {
        Instant fetched = fetchedAt;
        return fetched != null && !clock.instant().isBefore(fetched.plus(maxAge));
    }

    private boolean mayFetch() {
        Instant last = lastAttempt;
        return last == null || !clock.instant().isBefore(last.plus(refetchInterval));
    }

    /** Joins the fetch under way, or starts one, and waits for it at most the deadline. */
    private boolean awaitFetch() {
        CompletableFuture<Boolean> fetch = joinOrStart();
        try {
            return fetch.get(FETCH_DEADLINE.toMillis() + 100, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private CompletableFuture<Boolean> joinOrStart() {
        while (true) {
            CompletableFuture<Boolean> running = inFlight.get();
            if (running != null && !running.isDone()) {
                return running;
            }
            CompletableFuture<Boolean> mine = new CompletableFuture<>();
            if (inFlight.compareAndSet(running, mine)) {
                lastAttempt = clock.instant();
                Thread.ofVirtual().name("jwks-fetch").start(() -> mine.complete(fetchAndStore()));
                return mine;
            }
        }
    }

    private boolean fetchAndStore() {
        try {
            keys = parse(fetch());
            fetchedAt = clock.instant();
            return true;
        } catch (IOException | ParseException | RuntimeException e) {
            String reason = e.getMessage() != null ? e.getMessage().replace(url.toString(), loggable(url))
                    : e.getClass().getSimpleName();
            LOG.log(Level.WARNING, "Could not load the JWK set from {0}: {1}; keeping {2} known key(s)",
                    new Object[]{loggable(url), reason, keys.size()});
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The kids currently known, for diagnostics. */
    public List<String> knownKids() {
        return List.copyOf(keys.keySet());
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
    static Map<String, VerificationKey> parse(String json) throws ParseException {
        Map<String, Object>[] entries = JSONObjectUtils.getJSONObjectArray(JSONObjectUtils.parse(json), "keys");
        if (entries == null) {
            throw new ParseException("no \"keys\" array", 0);
        }
        Map<String, VerificationKey> parsed = new HashMap<>();
        for (Map<String, Object> entry : entries) {
            try {
                VerificationKey.fromJwk(JWK.parse(entry)).ifPresent(key -> parsed.putIfAbsent(key.kid(), key));
            } catch (ParseException | RuntimeException e) {
                LOG.log(Level.FINE, "Skipping an unusable JWK: {0}", e.getMessage());
            }
        }
        return Map.copyOf(parsed);
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
