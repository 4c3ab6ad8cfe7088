package app.todo.application.service;

import app.todo.domain.account.SigningKey;
import app.todo.application.port.out.SigningKeyRepository;
import app.todo.application.port.out.StorageUnavailableException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The service's own signing keys as every instance sees them (docs/rules.md §2): the current key signs and
 * rotates every {@code rotation}; retired keys keep verifying for {@code grace} after they retire, then are
 * forgotten. All instances share the keys through the store; whichever instance first finds the current
 * key due makes the next one, and the others adopt it (the store lets exactly one rotation through).
 *
 * <p>Each instance re-reads the store at most every {@link #RELOAD_PERIOD} on its own, and at once (at most
 * every {@link #UNKNOWN_KID_RELOAD_PERIOD}) when asked for a kid it does not know, so a token signed by a
 * key another instance just made verifies here too. A current key whose private half the store cannot
 * decrypt ({@code AUTH_SECRET} changed) is retired and replaced, never a reason to stop: its public half
 * still verifies the tokens it signed.
 */
public final class SigningKeyRing {

    public static final Duration DEFAULT_ROTATION = Duration.ofDays(30);
    static final Duration RELOAD_PERIOD = Duration.ofMinutes(1);
    static final Duration UNKNOWN_KID_RELOAD_PERIOD = Duration.ofSeconds(5);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);
    private static final System.Logger LOG = System.getLogger(SigningKeyRing.class.getName());

    /**
     * One consistent view: {@code current} signs; {@code verifying} is the current key and the retired
     * keys still within their grace, newest first. A new view is a new object, so callers may cache what
     * they derive from one by identity.
     */
    public record Keys(SigningKey current, List<SigningKey> verifying) {
        public Keys {
            Objects.requireNonNull(current, "current");
            verifying = List.copyOf(verifying);
        }

        public boolean holds(String kid) {
            return verifying.stream().anyMatch(key -> key.kid().equals(kid));
        }
    }

    private final SigningKeyRepository repository;
    private final Supplier<SigningKey> generator;
    private final Clock clock;
    private final Duration rotation;
    private final Duration grace;
    private volatile Keys keys;
    private volatile Instant nextReload;
    private volatile Instant lastAttempt;

    /**
     * Reads (and, when there is none or it is due, makes) the current key now, so that a store that cannot
     * be reached fails the start rather than the first sign-in.
     *
     * @param generator makes a fresh key pair created now, on {@code clock}
     * @param rotation  how long a key signs, positive
     * @param grace     how long a retired key keeps verifying; at least the longest token lifetime plus the
     *                  allowed clock skew, or tokens it signed stop verifying before they expire
     */
    public SigningKeyRing(SigningKeyRepository repository, Supplier<SigningKey> generator, Clock clock,
                          Duration rotation, Duration grace) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rotation = Objects.requireNonNull(rotation, "rotation");
        this.grace = Objects.requireNonNull(grace, "grace");
        if (rotation.isNegative() || rotation.isZero() || grace.isNegative()) {
            throw new IllegalArgumentException("rotation must be positive and grace not negative");
        }
        reload();
    }

    /** The keys now: re-read from the store when the last read is older than {@link #RELOAD_PERIOD}. */
    public Keys keys() {
        if (!clock.instant().isBefore(nextReload)) {
            reloadKeepingKeysOnFailure();
        }
        return keys;
    }

    /**
     * The keys, re-read first when {@code kid} is not among them and the last read is at least
     * {@link #UNKNOWN_KID_RELOAD_PERIOD} old: another instance may have just rotated.
     */
    public Keys keysKnowing(String kid) {
        Keys now = keys();
        if (now.holds(kid) || clock.instant().isBefore(lastAttempt.plus(UNKNOWN_KID_RELOAD_PERIOD))) {
            return now;
        }
        reloadKeepingKeysOnFailure();
        return keys;
    }

    private void reloadKeepingKeysOnFailure() {
        try {
            reload();
        } catch (StorageUnavailableException e) {
            // Verification goes on with the keys known; signing too, with a key that is at most a retry late.
            nextReload = clock.instant().plus(RETRY_AFTER_FAILURE);
            LOG.log(System.Logger.Level.WARNING, "signing keys not re-read, the database cannot be reached; retrying in "
                    + RETRY_AFTER_FAILURE.toSeconds() + " s");
        }
    }

    private synchronized void reload() {
        Instant now = clock.instant();
        if (keys != null && now.isBefore(lastAttempt.plus(UNKNOWN_KID_RELOAD_PERIOD)) && now.isBefore(nextReload)) {
            return; // another thread just did it
        }
        lastAttempt = now;
        List<SigningKey> stored = repository.all();
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<SigningKey> current = stored.stream().filter(key -> !key.isRetired()).findFirst();
            Optional<String> reason = reasonToRotate(current, now);
            if (reason.isEmpty()) {
                break;
            }
            SigningKey fresh = generator.get();
            if (repository.rotate(current.map(SigningKey::kid), fresh)) {
                LOG.log(System.Logger.Level.INFO, "signing key " + fresh.kid() + " made" + reason.get());
            }
            // Made here or by another instance meanwhile: either way the store now says which key is current.
            stored = repository.all();
        }
        int forgotten = repository.deleteRetiredBefore(now.minus(grace));
        if (forgotten > 0) {
            LOG.log(System.Logger.Level.INFO, forgotten + " retired signing key(s) forgotten after their grace of " + grace);
        }
        SigningKey current = stored.stream().filter(key -> !key.isRetired() && key.canSign()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no usable current signing key after rotating"));
        List<SigningKey> verifying = new ArrayList<>();
        verifying.add(current);
        stored.stream().filter(key -> key.isRetired() && now.isBefore(key.retiredAt().plus(grace))).forEach(verifying::add);
        keys = new Keys(current, verifying);
        nextReload = now.plus(RELOAD_PERIOD);
    }

    private Optional<String> reasonToRotate(Optional<SigningKey> current, Instant now) {
        if (current.isEmpty()) {
            return Optional.of(": there was none");
        }
        if (!current.get().canSign()) {
            return Optional.of(", retiring " + current.get().kid() + " whose private key cannot be decrypted "
                    + "(AUTH_SECRET is not the one it was stored with); tokens it signed still verify during the grace");
        }
        if (!now.isBefore(current.get().createdAt().plus(rotation))) {
            return Optional.of(", retiring " + current.get().kid() + " after its rotation period of " + rotation);
        }
        return Optional.empty();
    }
}
