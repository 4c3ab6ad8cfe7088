package app.todo.adapter.in.http.metrics;

import io.helidon.http.Method;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

/**
 * {@code http_server_requests_seconds}: a count and latency histogram per method, route template and
 * status. Every label has a bounded set of values — the route is the matched template (never the
 * concrete path, so user ids cannot multiply series), {@value #UNMATCHED} when no route matched, and
 * methods outside the standard ones count as {@value #OTHER_METHOD} — so a client cannot grow the
 * registry. Each timer is looked up once and then found in a local map, so a request costs a hash
 * lookup and a histogram update.
 */
public final class HttpRequestMetrics {

    public static final String NAME = "http.server.requests";
    /** The route label of requests no route matched: unknown paths, and requests refused before routing. */
    public static final String UNMATCHED = "UNMATCHED";
    public static final String OTHER_METHOD = "OTHER";

    /** Buckets from 0.5 ms to 5 s: a cached list is sub-millisecond, a slow database call seconds. */
    private static final Duration[] BUCKETS = LongStream.of(
                    500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000,
                    1_000_000, 2_500_000, 5_000_000)
            .mapToObj(Duration::ofNanos).map(d -> d.multipliedBy(1_000)).toArray(Duration[]::new);

    private static final Set<String> STANDARD_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

    private final MeterRegistry registry;
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    private HttpRequestMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    public static HttpRequestMetrics on(MeterRegistry registry) {
        return new HttpRequestMetrics(registry);
    }

    /**
     * @param route the matched route template, or {@code null} when none matched
     * @param nanos how long the request took, from its arrival to its response being sent
     */
    public void record(Method method, String route, int status, long nanos) {
        timers.computeIfAbsent(new Key(method.text(), route == null ? UNMATCHED : route, status), this::timer)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(Key key) {
        return Timer.builder(NAME)
                .description("HTTP requests by method, route template and status")
                .tag("method", key.method)
                .tag("route", key.route)
                .tag("status", Integer.toString(key.status))
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    /** Unknown methods each get a key of their own but share one timer, so the map stays small too. */
    private record Key(String method, String route, int status) {
        private Key {
            method = STANDARD_METHODS.contains(method) ? method : OTHER_METHOD;
        }
    }
}
