package app.todo.adapter.in.http.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * {@code auth_session_verifications_total} by {@code outcome}: Better Auth session tokens accepted on
 * Better Auth's answer, accepted from the cache, rejected, or not verifiable because Better Auth could
 * not be asked ({@code unavailable}). Better Auth's call latency is the driven adapter's
 * {@code auth_better_auth_requests_seconds}.
 */
public final class SessionVerificationMetrics {

    /** How a session token's check ended. */
    public enum Outcome { ACCEPTED, CACHED, REJECTED, UNAVAILABLE }

    /** Counts nothing: for a server without metrics. */
    public static final SessionVerificationMetrics NONE = new SessionVerificationMetrics(null);

    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

    private SessionVerificationMetrics(MeterRegistry registry) {
        if (registry != null) {
            for (Outcome outcome : Outcome.values()) {
                counters.put(outcome, Counter.builder("auth.session.verifications")
                        .description("Better Auth session token checks by outcome")
                        .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                        .register(registry));
            }
        }
    }

    public static SessionVerificationMetrics on(MeterRegistry registry) {
        return new SessionVerificationMetrics(Objects.requireNonNull(registry, "registry"));
    }

    public void record(Outcome outcome) {
        Counter counter = counters.get(outcome);
        if (counter != null) {
            counter.increment();
        }
    }
}
