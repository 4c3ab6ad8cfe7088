package app.todo.adapter.out.token;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * {@code auth_token_verifications_total} by {@code outcome} (accepted, cached, banned, rejected) and
 * {@code source} (shared_secret, public_key, none). A series appears with its first verification;
 * after that a verification costs an array read and an increment.
 */
public final class TokenVerificationMetrics implements TokenVerificationListener {

    public static final String NAME = "auth.token.verifications";

    private static final int SOURCES = Source.values().length;

    private final MeterRegistry registry;
    private final AtomicReferenceArray<Counter> counters =
            new AtomicReferenceArray<>(Outcome.values().length * SOURCES);

    private TokenVerificationMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    public static TokenVerificationMetrics on(MeterRegistry registry) {
        return new TokenVerificationMetrics(registry);
    }

    @Override
    public void verified(Outcome outcome, Source source) {
        int index = outcome.ordinal() * SOURCES + source.ordinal();
        Counter counter = counters.get(index);
        if (counter == null) {
            // Registering twice returns the same counter, so a race here only repeats a lookup.
            counter = Counter.builder(NAME)
                    .description("Bearer token verifications by outcome and key source")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .tag("source", source.name().toLowerCase(Locale.ROOT))
                    .register(registry);
            counters.set(index, counter);
        }
        counter.increment();
    }
}
