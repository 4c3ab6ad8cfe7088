package app.todo.adapter.out.token;

import app.todo.application.port.out.VerifiedAccessToken;
import app.todo.application.service.ExpiringMemory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Tokens already verified, so a frontend that sends the same EdDSA token with every request pays the
 * signature check (~0.7 ms) once. Entries are keyed by a SHA-256 of the whole token string (the token itself
 * is not kept), live until the token's own {@code exp} and never longer, and every hit re-checks that
 * instant against the clock, and that the key which verified it is still trusted (a key removed from
 * the JWKS takes its cached tokens with it). Bounded as every short memory here is ({@link ExpiringMemory}:
 * when full, expired entries go first, then the oldest tenth).
 */
public final class VerifiedTokenCache {

    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    /** A verified token and the check that the key which verified it is still trusted. */
    private record Entry(VerifiedAccessToken token, BooleanSupplier keyStillTrusted) {
    }

    private static final BooleanSupplier ALWAYS = () -> true;

    private final ExpiringMemory<ByteBuffer, Entry> entries;
    private final Clock clock;

    public VerifiedTokenCache(Clock clock, int maxEntries) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("the token cache needs room for at least one entry");
        }
        this.entries = new ExpiringMemory<>(maxEntries);
    }

    public Optional<VerifiedAccessToken> get(String compactJwt) {
        ByteBuffer key = key(compactJwt);
        Optional<Entry> entry = entries.get(key, clock.instant());
        if (entry.isPresent() && !entry.get().keyStillTrusted().getAsBoolean()) {
            entries.forget(key);
            return Optional.empty();
        }
        return entry.map(Entry::token);
    }

    /** A token whose verifying key can never be withdrawn (a shared secret). */
    public void put(String compactJwt, VerifiedAccessToken token) {
        put(compactJwt, token, ALWAYS);
    }

    /**
     * Nothing is kept for a token already past its {@code exp} (accepted within the clock skew only).
     *
     * @param keyStillTrusted asked on every hit; false drops the entry, so the token is verified anew
     */
    public void put(String compactJwt, VerifiedAccessToken token, BooleanSupplier keyStillTrusted) {
        entries.put(key(compactJwt), new Entry(token, keyStillTrusted), token.expiresAt(), clock.instant());
    }

    public int size() {
        return entries.size();
    }

    private static ByteBuffer key(String compactJwt) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(compactJwt.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
