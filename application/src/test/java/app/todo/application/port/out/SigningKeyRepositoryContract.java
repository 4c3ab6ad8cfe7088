package app.todo.application.port.out;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link SigningKeyRepository} must do. There is one key per store, so each test needs a
 * store of its own, without a key at the start.
 */
public abstract class SigningKeyRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00.123456Z");

    /** Two repositories over one store, as two instances of the service would have. */
    public record Instances(SigningKeyRepository one, SigningKeyRepository another) {
    }

    private Instances instances;

    /** Two repositories over a store without a key, for one test. */
    protected abstract Instances newEmptyStore();

    @BeforeEach
    void openStore() {
        instances = newEmptyStore();
    }

    private SigningKeyRepository keys() {
        return instances.one();
    }

    private SigningKeyRepository keysOfAnotherInstance() {
        return instances.another();
    }

    @Test
    void the_first_call_stores_the_generated_key_and_returns_it_whole() {
        SigningKey generated = key("first");

        SigningKey current = keys().current(() -> generated);

        assertEquals(generated, current);
        assertArrayEquals(generated.privateKey(), current.privateKey());
        assertArrayEquals(generated.publicKey(), current.publicKey());
        assertEquals(T0, current.createdAt());
    }

    @Test
    void once_a_key_is_stored_it_stays_the_current_one() {
        SigningKey first = keys().current(() -> key("first"));

        SigningKey again = keys().current(() -> key("second"));
        SigningKey elsewhere = keysOfAnotherInstance().current(() -> key("third"));

        assertEquals(first, again);
        assertEquals(first, elsewhere);
    }

    @Test
    void instances_starting_together_agree_on_one_key() throws Exception {
        int contenders = 6;
        AtomicInteger generated = new AtomicInteger();

        List<SigningKey> keys = Race.run(contenders, i -> () -> (i % 2 == 0 ? keys() : keysOfAnotherInstance())
                .current(() -> key("racer-" + generated.incrementAndGet())));

        assertEquals(1, new HashSet<>(keys).size(), keys.toString());
        assertTrue(keys.getFirst().kid().startsWith("racer-"));
        assertEquals(keys.getFirst(), keys().current(() -> key("late")));
    }

    private static SigningKey key(String kid) {
        return new SigningKey(kid, ("private-" + kid).getBytes(StandardCharsets.UTF_8),
                ("public-" + kid).getBytes(StandardCharsets.UTF_8), T0);
    }
}
