package app.todo.application.memory;

import app.todo.application.port.out.SigningKey;
import app.todo.application.port.out.SigningKeyRepository;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** One slot; the first key to land in it stays. */
public final class InMemorySigningKeyRepository implements SigningKeyRepository {

    private final AtomicReference<SigningKey> slot = new AtomicReference<>();

    @Override
    public SigningKey current(Supplier<SigningKey> generate) {
        SigningKey stored = slot.get();
        if (stored != null) {
            return stored;
        }
        slot.compareAndSet(null, generate.get());
        return slot.get();
    }
}
