package app.todo.adapter.in.http.auth;

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
import java.util.function.BooleanSupplier;

/**
 * Tokens already verified, so a frontend that sends the same EdDSA token with every request pays the
 * signature check (~0.7 ms) once. Entries are keyed by a SHA-256 of the whole token string (the token itself
 * is not kept), live until the token's own {@code exp} and never longer, and every hit re-checks that
 * instant against the clock, and that the key which verified it is still trusted (a key removed from
 * the JWKS takes its cached tokens with it). The size is bounded: when full, expired entries go first,
 * then arbitrary ones.
 */
public final class VerifiedTokenCache {

    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    /** A verified token and the check that the key which verified it is still trusted. */
    private record Entry(VerifiedToken token, BooleanSupplier keyStillTrusted) {
    }

    private static final BooleanSupplier ALWAYS = () -> true;

    private final Map<ByteBuffer, Entry> entries = new ConcurrentHashMap<>();
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
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.token().expiresAt()) || !entry.keyStillTrusted().getAsBoolean()) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.token());
    }

    /** A token whose verifying key can never be withdrawn (a shared secret). */
    public void put(String compactJwt, VerifiedToken token) {
        put(compactJwt, token, ALWAYS);
    }

    /** @param keyStillTrusted asked on every hit; false drops the entry, so the token is verified anew */
    public void put(String compactJwt, VerifiedToken token, BooleanSupplier keyStillTrusted) {
        if (!clock.instant().isBefore(token.expiresAt())) {
            return; // accepted within the clock skew only: not worth keeping, and must not outlive exp
        }
        if (entries.size() >= maxEntries) {
            makeRoom();
        }
        entries.put(key(compactJwt), new Entry(token, keyStillTrusted));
    }

    public int size() {
        return entries.size();
    }

    private void makeRoom() {
        var now = clock.instant();
        entries.values().removeIf(entry -> !now.isBefore(entry.token().expiresAt()));
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
