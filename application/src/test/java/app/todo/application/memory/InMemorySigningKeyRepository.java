package app.todo.application.memory;

import app.todo.domain.account.SigningKey;
import app.todo.application.port.out.SigningKeyRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Keys in a list; one lock makes each rotation a single step. */
public final class InMemorySigningKeyRepository implements SigningKeyRepository {

    private final List<SigningKey> keys = new ArrayList<>();

    @Override
    public synchronized List<SigningKey> all() {
        List<SigningKey> sorted = new ArrayList<>(keys);
        sorted.sort(Comparator.comparing(SigningKey::isRetired).thenComparing(SigningKey::createdAt, Comparator.reverseOrder()));
        return List.copyOf(sorted);
    }

    @Override
    public synchronized boolean rotate(Optional<String> expectedCurrentKid, SigningKey fresh) {
        Optional<SigningKey> current = keys.stream().filter(key -> !key.isRetired()).findFirst();
        if (!current.map(SigningKey::kid).equals(expectedCurrentKid)) {
            return false;
        }
        current.ifPresent(key -> {
            keys.remove(key);
            keys.add(new SigningKey(key.kid(), key.privateKey(), key.publicKey(), key.createdAt(), fresh.createdAt()));
        });
        keys.add(fresh);
        return true;
    }

    @Override
    public synchronized int deleteRetiredBefore(Instant cutoff) {
        int before = keys.size();
        keys.removeIf(key -> key.isRetired() && key.retiredAt().isBefore(cutoff));
        return before - keys.size();
    }
}
