package app.todo.application.memory;

import app.todo.application.port.out.IdempotencyKeyRepository;
import app.todo.domain.user.UserId;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys in a map. The in-memory transactions run one at a time and undo nothing, so a claim is never seen by
 * another transaction: only {@link #record} stores, and a write that fails leaves the key free as a rollback would.
 */
public final class InMemoryIdempotencyKeys implements IdempotencyKeyRepository {

    private record Key(UserId owner, String key) {
    }

    private record Use(KeyUse use, Instant at) {
    }

    private final Map<Key, Use> uses = new ConcurrentHashMap<>();
    private final Map<Key, Use> pending = new ConcurrentHashMap<>();

    @Override
    public Optional<KeyUse> claim(UserId owner, String key, String fingerprint, Instant now, Instant expiredBefore) {
        Key id = new Key(owner, key);
        uses.computeIfPresent(id, (k, use) -> use.at().isBefore(expiredBefore) ? null : use);
        Use used = uses.get(id);
        if (used != null) {
            return Optional.of(used.use());
        }
        pending.put(id, new Use(new KeyUse(fingerprint, null), now));
        return Optional.empty();
    }

    @Override
    public void record(UserId owner, String key, StoredAnswer answer) {
        Key id = new Key(owner, key);
        Use claimed = pending.remove(id);
        if (claimed == null) {
            throw new IllegalStateException("the key " + key + " was not claimed");
        }
        uses.put(id, new Use(new KeyUse(claimed.use().fingerprint(), answer), claimed.at()));
    }
}
