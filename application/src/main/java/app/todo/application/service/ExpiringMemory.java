package app.todo.application.service;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded in-memory map whose entries each last until a given instant: the one mechanism behind every
 * short memory of the service (recent callers, session liveness, Better Auth answers, and the token
 * adapter's verified tokens). When full, expired
 * entries go first, then the oldest tenth, so a flood of new keys costs memory once and never grows it.
 * Hand-written rather than Caffeine because the application core depends on the JDK only (ArchUnit
 * {@code CORE_NEEDS_ONLY_THE_JDK}) and expiry follows the services' injected clock.
 */
public final class ExpiringMemory<K, V> {

    private record Entry<V>(V value, Instant until, long order) {
    }

    private final int maxEntries;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong puts = new AtomicLong();

    /** @param maxEntries the most entries kept; 0 remembers nothing */
    public ExpiringMemory(int maxEntries) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("maxEntries must not be negative");
        }
        this.maxEntries = maxEntries;
    }

    /** The value remembered for {@code key}, if it is still before its end at {@code now}. */
    public Optional<V> get(K key, Instant now) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!now.isBefore(entry.until())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /** Remembers {@code value} until {@code until}; nothing when that is not after {@code now}. */
    public void put(K key, V value, Instant until, Instant now) {
        if (maxEntries == 0 || !now.isBefore(until)) {
            return;
        }
        if (entries.size() >= maxEntries) {
            makeRoom(now);
        }
        entries.put(key, new Entry<>(value, until, puts.incrementAndGet()));
    }

    public void forget(K key) {
        entries.remove(key);
    }

    /** Entries held, expired ones not yet dropped included. */
    public int size() {
        return entries.size();
    }

    private void makeRoom(Instant now) {
        entries.values().removeIf(entry -> !now.isBefore(entry.until()));
        int excess = entries.size() - maxEntries + Math.max(1, maxEntries / 10);
        if (excess > 0) {
            entries.entrySet().stream()
                    .sorted(Comparator.comparingLong(e -> e.getValue().order()))
                    .limit(excess)
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(entries::remove);
        }
    }
}
