package app.todo.application.port.out;

import app.todo.domain.user.UserId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The answers given to writes sent with an {@code Idempotency-Key} (docs/api.md, "Retries"), per user and key, so
 * a retry gets the first answer again instead of a second write. Both methods run inside the caller's transaction,
 * together with the write itself: the key, the write and its answer are stored together or not at all.
 */
public interface IdempotencyKeyRepository {

    /** A write's answer as the edge gave it, to be given again. */
    record StoredAnswer(int status, String body, String location, String etag) {
        public StoredAnswer {
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * What a key already holds: the request it was used for (a fingerprint) and the answer given, or null while
     * the write that claimed it is still running (a store that cannot make the second claim wait says so).
     */
    record KeyUse(String fingerprint, StoredAnswer answer) {
        public KeyUse {
            Objects.requireNonNull(fingerprint, "fingerprint");
        }
    }

    /**
     * Takes {@code key} for this request, or returns what it already holds. A concurrent claim of the same key
     * makes this wait until that transaction ends, so one key never runs two writes. A use made before
     * {@code expiredBefore} counts as none and is replaced.
     *
     * @return empty when the key is now this transaction's (then {@link #record} must follow)
     */
    Optional<KeyUse> claim(UserId owner, String key, String fingerprint, Instant now, Instant expiredBefore);

    /** Stores the answer for a key this transaction claimed. */
    void record(UserId owner, String key, StoredAnswer answer);
}
