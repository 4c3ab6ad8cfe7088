package app.todo.adapter.http.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens already verified, so a frontend that sends the same EdDSA token with every request pays the
 * signature check (~0.7 ms) once. Entries are keyed by a SHA-256 of the whole token string (the token itself
 * is not kept), live until the token's own {@code exp} and never longer, and every hit re-checks that
 * instant against the clock. The size is bounded: when full, expired entries go first, then arbitrary ones.
 */
public final class VerifiedTokenCache {

    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    private final Map<ByteBuffer, VerifiedToken> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxEntries;

    public VerifiedTokenCache(Clock clock, int maxEntries) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("the token cache needs room for at least one entry");
        }
        this.maxEntries = maxEntries;
    }

    public Optional<VerifiedToken> get(String compactJwt) {
        ByteBuffer key = key(compactJwt);
        VerifiedToken token = entries.get(key);
        if (token == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(token.expiresAt())) {
            entries.remove(key, token);
            return Optional.empty();
        }
        return Optional.of(token);
    }

    public void put(String compactJwt, VerifiedToken token) {
        if (!clock.instant().isBefore(token.expiresAt())) {
            return; // accepted within the clock skew only: not worth keeping, and must not outlive exp
        }
        if (entries.size() >= maxEntries) {
            makeRoom();
        }
        entries.put(key(compactJwt), token);
    }

    public int size() {
        return entries.size();
    }

    private void makeRoom() {
        var now = clock.instant();
        entries.values().removeIf(token -> !now.isBefore(token.expiresAt()));
        if (entries.size() < maxEntries) {
            return;
        }
        // Still full of live tokens: drop about a tenth, whichever; they are merely verified again.
        Iterator<ByteBuffer> it = entries.keySet().iterator();
        for (int excess = entries.size() - maxEntries + Math.max(1, maxEntries / 10); excess > 0 && it.hasNext(); excess--) {
            it.next();
            it.remove();
        }
    }

    private static ByteBuffer key(String compactJwt) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(compactJwt.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
