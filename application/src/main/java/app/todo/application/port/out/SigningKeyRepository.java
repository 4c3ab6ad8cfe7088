package app.todo.application.port.out;

import app.todo.domain.account.SigningKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the service's own signing keys, so that tokens stay valid across restarts, instances and key
 * rotations (docs/rules.md §2: the key rotates every {@code AUTH_KEY_ROTATION}; retired keys stay listed for
 * {@code AUTH_KEY_GRACE}). At most one key is current; the store owns the private halves' format at rest
 * (encrypted when it was given a secret).
 */
public interface SigningKeyRepository {

    /**
     * Every stored key, the current one (if any) first, then the retired ones, newest first. A private half
     * the store cannot decrypt comes back as null ({@link SigningKey#canSign()} false); retired keys may come
     * back without theirs, since they no longer sign.
     *
     * @throws StorageUnavailableException when the store cannot be reached
     */
    List<SigningKey> all();

    /**
     * Makes {@code fresh} the current key and retires the current one at {@code fresh.createdAt()}, in one
     * step, provided the current key is still {@code expectedCurrentKid} (empty: there is no current key).
     * When instances race, exactly one of them rotates.
     *
     * @return false, changing nothing, when the current key is no longer the expected one
     */
    boolean rotate(Optional<String> expectedCurrentKid, SigningKey fresh);

    /** Forgets keys retired before {@code cutoff}; the tokens they signed stop verifying. Returns how many. */
    int deleteRetiredBefore(Instant cutoff);
}
