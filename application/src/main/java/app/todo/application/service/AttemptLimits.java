package app.todo.application.service;

import app.todo.application.port.out.RateLimit;
import app.todo.application.port.out.RateLimiter;

import java.text.Normalizer;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The limits on guessing secrets and making accounts (docs/rules.md §2), counted by a {@link RateLimiter}
 * that every instance shares where the store allows: sign-in at most {@value #SIGN_IN_PER_ADDRESS_AND_EMAIL}
 * attempts a minute per client address and email and {@value #SIGN_IN_PER_ADDRESS} per address; sign-up at
 * most {@value #SIGN_UP_PER_ADDRESS} a minute per address. On top of the contract: at most
 * {@value #SIGN_IN_PER_EMAIL} sign-in attempts a minute per email from all addresses together (guessing one
 * account's password from a botnet is as slow as from one address); a change of password counts as a
 * sign-in (a current password is a secret to guess); refresh at most {@value #REFRESH_PER_ADDRESS} a minute per
 * address (a refresh token cannot be guessed; this bounds the load).
 *
 * <p>Each limit is a burst of its number, then one attempt back each minute ({@link RateLimit}), so no
 * minute ever holds more than the number, and a refused client is told to wait at most 60 s.
 *
 * <p>Every method answers empty when the attempt may go ahead, or how long to wait.
 */
public final class AttemptLimits {

    public static final int SIGN_IN_PER_ADDRESS = 20;
    public static final int SIGN_IN_PER_ADDRESS_AND_EMAIL = 5;
    public static final int SIGN_IN_PER_EMAIL = 20;
    public static final int SIGN_UP_PER_ADDRESS = 5;
    public static final int REFRESH_PER_ADDRESS = 60;

    private static final Duration MINUTE = Duration.ofMinutes(1);
    static final RateLimit SIGN_IN_ADDRESS = new RateLimit("sign-in-address", SIGN_IN_PER_ADDRESS, MINUTE);
    static final RateLimit SIGN_IN_ADDRESS_EMAIL = new RateLimit("sign-in-address-email", SIGN_IN_PER_ADDRESS_AND_EMAIL, MINUTE);
    static final RateLimit SIGN_IN_EMAIL = new RateLimit("sign-in-email", SIGN_IN_PER_EMAIL, MINUTE);
    static final RateLimit SIGN_UP_ADDRESS = new RateLimit("sign-up-address", SIGN_UP_PER_ADDRESS, MINUTE);
    // Refresh is a steady background call of every open tab: its attempts come back at the limit's rate.
    static final RateLimit REFRESH_ADDRESS = new RateLimit("refresh-address", REFRESH_PER_ADDRESS,
            MINUTE.dividedBy(REFRESH_PER_ADDRESS));

    /**
     * Better Auth sessions not in this service's memory, looked up per client address: a burst of 30, then one
     * every 2 s. A browser costs one lookup per session per cache window (30 s); a stream of made-up tokens
     * from one address is refused here before any call leaves, so it cannot spend Better Auth's own limit for
     * everybody else.
     */
    public static final int SESSION_LOOKUPS_PER_ADDRESS = 30;
    static final RateLimit SESSION_LOOKUP_ADDRESS = new RateLimit("session-lookup-address", SESSION_LOOKUPS_PER_ADDRESS,
            Duration.ofSeconds(2));

    /** Emails longer than this are cut in a key: no valid email is longer. */
    private static final int MAX_EMAIL_IN_KEY = 254;

    private final RateLimiter limiter;

    public AttemptLimits(RateLimiter limiter) {
        this.limiter = Objects.requireNonNull(limiter, "limiter");
    }

    public Optional<Duration> signUp(String address) {
        return limiter.tryAcquire(SIGN_UP_ADDRESS, address);
    }

    /** Counted before the body is read, so that malformed bodies are counted too. */
    public Optional<Duration> signIn(String address) {
        return limiter.tryAcquire(SIGN_IN_ADDRESS, address);
    }

    /** The per-email limits of a sign-in (or any other check of a password or a one-time secret). */
    public Optional<Duration> signInAs(String address, String email) {
        String account = emailKey(email);
        return limiter.tryAcquire(SIGN_IN_ADDRESS_EMAIL, address + "\n" + account)
                .or(() -> limiter.tryAcquire(SIGN_IN_EMAIL, account));
    }

    public Optional<Duration> refresh(String address) {
        return limiter.tryAcquire(REFRESH_ADDRESS, address);
    }

    /** A Better Auth session lookup that the cache could not answer, by the client at {@code address}. */
    public Optional<Duration> sessionLookup(String address) {
        return limiter.tryAcquire(SESSION_LOOKUP_ADDRESS, address);
    }

    /**
     * An email as a key: normalized like stored emails (NFKC, lower case), so neither letter case nor
     * another encoding of the same address dodges the limit.
     */
    static String emailKey(String email) {
        String normalized = email == null ? "" : Normalizer.normalize(email.strip(), Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT);
        return normalized.substring(0, Math.min(normalized.length(), MAX_EMAIL_IN_KEY));
    }
}
