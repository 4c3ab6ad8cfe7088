package app.todo.application.port.out;

import app.todo.domain.account.SigningKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link SigningKeyRepository} must do. Keys are per store, so each test needs a store of its
 * own, without a key at the start.
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
    void an_empty_store_has_no_key_and_the_first_key_is_stored_whole() {
        assertEquals(List.of(), keys().all());
        SigningKey first = key("first", T0);

        assertTrue(keys().rotate(Optional.empty(), first));

        List<SigningKey> stored = keysOfAnotherInstance().all();
        assertEquals(List.of(first), stored);
        assertArrayEquals(first.privateKey(), stored.getFirst().privateKey());
        assertArrayEquals(first.publicKey(), stored.getFirst().publicKey());
        assertEquals(T0, stored.getFirst().createdAt());
        assertNull(stored.getFirst().retiredAt());
    }

    @Test
    void a_rotation_retires_the_current_key_at_the_new_ones_creation() {
        keys().rotate(Optional.empty(), key("first", T0));
        Instant later = T0.plus(Duration.ofDays(30));

        assertTrue(keys().rotate(Optional.of("first"), key("second", later)));

        List<SigningKey> stored = keysOfAnotherInstance().all();
        assertEquals(List.of("second", "first"), stored.stream().map(SigningKey::kid).toList(), "current first");
        assertFalse(stored.get(0).isRetired());
        assertEquals(later, stored.get(1).retiredAt());
        assertArrayEquals(key("first", T0).publicKey(), stored.get(1).publicKey(), "a retired key still verifies");
    }

    @Test
    void a_rotation_from_a_key_that_is_no_longer_current_changes_nothing() {
        keys().rotate(Optional.empty(), key("first", T0));
        keys().rotate(Optional.of("first"), key("second", T0.plusSeconds(60)));

        assertFalse(keysOfAnotherInstance().rotate(Optional.of("first"), key("late", T0.plusSeconds(61))));
        assertFalse(keysOfAnotherInstance().rotate(Optional.empty(), key("also-late", T0.plusSeconds(62))));

        assertEquals(List.of("second", "first"), keys().all().stream().map(SigningKey::kid).toList());
    }

    @Test
    void instances_racing_to_rotate_make_one_key() throws Exception {
        keys().rotate(Optional.empty(), key("first", T0));

        List<Boolean> won = Race.run(6, i -> () -> (i % 2 == 0 ? keys() : keysOfAnotherInstance())
                .rotate(Optional.of("first"), key("racer-" + i, T0.plusSeconds(60 + i))));

        assertEquals(1, won.stream().filter(Boolean::booleanValue).count(), won.toString());
        List<SigningKey> stored = keys().all();
        assertEquals(2, stored.size(), stored.toString());
        assertTrue(stored.getFirst().kid().startsWith("racer-"));
        assertFalse(stored.getFirst().isRetired());
    }

    @Test
    void first_starts_racing_store_one_key() throws Exception {
        List<Boolean> won = Race.run(6, i -> () -> (i % 2 == 0 ? keys() : keysOfAnotherInstance())
                .rotate(Optional.empty(), key("starter-" + i, T0)));

        assertEquals(1, won.stream().filter(Boolean::booleanValue).count(), won.toString());
        assertEquals(1, keys().all().size());
    }

    @Test
    void retired_keys_are_forgotten_once_retired_before_the_cutoff() {
        keys().rotate(Optional.empty(), key("first", T0));
        keys().rotate(Optional.of("first"), key("second", T0.plus(Duration.ofDays(30))));
        keys().rotate(Optional.of("second"), key("third", T0.plus(Duration.ofDays(60))));

        assertEquals(1, keys().deleteRetiredBefore(T0.plus(Duration.ofDays(45))));

        assertEquals(List.of("third", "second"), keysOfAnotherInstance().all().stream().map(SigningKey::kid).toList());
        assertEquals(0, keys().deleteRetiredBefore(T0.plus(Duration.ofDays(365))) - 1, "the current key stays");
        assertEquals(List.of("third"), keys().all().stream().map(SigningKey::kid).toList());
    }

    private static SigningKey key(String kid, Instant createdAt) {
        return new SigningKey(kid, ("private-" + kid).getBytes(StandardCharsets.UTF_8),
                ("public-" + kid).getBytes(StandardCharsets.UTF_8), createdAt);
    }
}
