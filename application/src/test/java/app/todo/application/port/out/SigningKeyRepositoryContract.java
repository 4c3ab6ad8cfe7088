package app.todo.application.port.out;

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
 * What every {@link SigningKeyRepository} must do. Subclasses give, before each test, an empty store
 * and two repositories over it, standing for two instances of the service.
 */
public abstract class SigningKeyRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00.123456Z");

    protected abstract SigningKeyRepository keys();

    /** Another repository over the same store, as a second instance of the service would have. */
    protected abstract SigningKeyRepository keysOfAnotherInstance();

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
