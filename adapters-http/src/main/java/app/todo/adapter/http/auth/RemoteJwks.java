package app.todo.adapter.http.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JWK set at {@code AUTH_JWKS_URL} (Better Auth's {@code /api/auth/jwks}), cached in memory.
 * <p>
 * It is fetched only when a token names a kid the cache does not know, and then at most once per
 * {@code refetchInterval} (30 s by default), so a stream of made-up kids cannot turn this service into a
 * load generator against the frontend. A failed or garbled fetch keeps the keys already known, so an
 * outage of the frontend does not log everybody out; a successful one replaces them, so rotation and
 * revocation take effect.
 */
public final class RemoteJwks implements PublicKeySource {

    public static final Duration DEFAULT_REFETCH_INTERVAL = Duration.ofSeconds(30);
    static final int MAX_RESPONSE_BYTES = 256 * 1024;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);
    private static final Logger LOG = Logger.getLogger(RemoteJwks.class.getName());

    private final URI url;
    private final HttpClient http;
    private final Clock clock;
    private final Duration refetchInterval;
    /** A lock rather than synchronized: request threads are virtual and must not pin their carrier while fetching. */
    private final ReentrantLock fetchLock = new ReentrantLock();
    private volatile Map<String, VerificationKey> keys = Map.of();
    private Instant lastFetch; // guarded by fetchLock; null until the first attempt

    public RemoteJwks(URI url, Clock clock, Duration refetchInterval) {
        this.url = Objects.requireNonNull(url, "url");
        String scheme = url.getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("AUTH_JWKS_URL must be an http(s) URL");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refetchInterval = Objects.requireNonNull(refetchInterval, "refetchInterval");
        this.http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public RemoteJwks(URI url, Clock clock) {
        this(url, clock, DEFAULT_REFETCH_INTERVAL);
    }

    @Override
    public Optional<VerificationKey> find(String kid) {
        VerificationKey key = keys.get(kid);
        if (key != null) {
            return Optional.of(key);
        }
        fetchLock.lock();
        try {
            // Another thread may have fetched while this one waited.
            key = keys.get(kid);
            if (key == null && mayFetch()) {
                refresh();
                key = keys.get(kid);
            }
        } finally {
            fetchLock.unlock();
        }
        return Optional.ofNullable(key);
    }

    /**
     * Fetches the set now, whatever the rate limit says (bootstrap may call it once at start so the first
     * request does not wait). Returns whether the fetch succeeded; on failure the known keys stay.
     */
    public boolean refresh() {
        fetchLock.lock();
        try {
            lastFetch = clock.instant();
            try {
                keys = parse(fetch());
                return true;
            } catch (IOException | ParseException | RuntimeException e) {
                LOG.log(Level.WARNING, "Could not load the JWK set from {0}: {1}; keeping {2} known key(s)",
                        new Object[]{url, e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName(), keys.size()});
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        } finally {
            fetchLock.unlock();
        }
    }

    /** The kids currently known, for diagnostics. */
    public List<String> knownKids() {
        return List.copyOf(keys.keySet());
    }

    private boolean mayFetch() {
        return lastFetch == null || !clock.instant().isBefore(lastFetch.plus(refetchInterval));
    }

    private String fetch() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP status " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(MAX_RESPONSE_BYTES + 1);
            if (bytes.length > MAX_RESPONSE_BYTES) {
                throw new IOException("the response is larger than " + MAX_RESPONSE_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
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
}
