package app.todo.application.service;

import app.todo.application.testing.MutableClock;
import app.todo.application.memory.InMemorySigningKeyRepository;
import app.todo.domain.account.SigningKey;
import app.todo.application.port.out.SigningKeyRepository;
import app.todo.application.port.out.StorageUnavailableException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SigningKeyRingTest {

    private static final Duration ROTATION = Duration.ofDays(30);
    private static final Duration GRACE = Duration.ofMinutes(16);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
    private final InMemorySigningKeyRepository store = new InMemorySigningKeyRepository();
    private final AtomicInteger made = new AtomicInteger();
    private final Supplier<SigningKey> generator = () -> {
        String kid = "key-" + made.incrementAndGet();
        return new SigningKey(kid, bytes("private-" + kid), bytes("public-" + kid), clock.instant());
    };

    private SigningKeyRing ring(SigningKeyRepository repository) {
        return new SigningKeyRing(repository, generator, clock, ROTATION, GRACE);
    }

    @Test
    void theFirstStartMakesOneKeyAndEveryLaterStartAdoptsIt() {
        SigningKeyRing first = ring(store);
        SigningKeyRing second = ring(store);

        assertEquals("key-1", first.keys().current().kid());
        assertEquals("key-1", second.keys().current().kid());
        assertEquals(1, made.get());
    }

    @Test
    void aDueKeyIsRetiredAndVerifiesThroughItsGraceThenIsForgotten() {
        SigningKeyRing ring = ring(store);

        clock.advance(ROTATION);
        SigningKeyRing.Keys rotated = ring.keys();

        assertEquals("key-2", rotated.current().kid());
        assertEquals(List.of("key-2", "key-1"), rotated.verifying().stream().map(SigningKey::kid).toList());

        clock.advance(GRACE.minusSeconds(1));
        assertTrue(ring.keys().holds("key-1"), "within the grace");

        clock.advance(Duration.ofSeconds(61)); // past the grace, and past the next re-read
        assertFalse(ring.keys().holds("key-1"), "after the grace");
        assertEquals(List.of("key-2"), store.all().stream().map(SigningKey::kid).toList(), "and deleted");
    }

    @Test
    void aKeyTheStoreCannotDecryptIsReplacedAndStillVerifies() {
        ring(store);
        SigningKey stored = store.all().getFirst();
        InMemorySigningKeyRepository otherSecret = new InMemorySigningKeyRepository();
        otherSecret.rotate(Optional.empty(), stored.withoutPrivateKey());

        SigningKeyRing ring = ring(otherSecret);

        assertEquals("key-2", ring.keys().current().kid());
        assertTrue(ring.keys().current().canSign());
        assertTrue(ring.keys().holds("key-1"), "tokens the old key signed keep verifying during the grace");
    }

    @Test
    void aKidMadeByAnotherInstanceIsLearntAtOnceButUnknownKidsDoNotHammerTheStore() {
        SigningKeyRing here = ring(store);
        clock.advance(ROTATION.minusSeconds(30));
        here.keys(); // re-read a little before the key is due
        clock.advance(Duration.ofSeconds(30));
        SigningKeyRing elsewhere = ring(store); // finds the key due and rotates
        String newKid = elsewhere.keys().current().kid();
        assertFalse(here.keys().holds(newKid), "not yet re-read here");

        assertTrue(here.keysKnowing(newKid).holds(newKid));

        CountingRepository counting = new CountingRepository(store);
        SigningKeyRing watched = ring(counting);
        int reads = counting.reads.get();
        for (int i = 0; i < 100; i++) {
            watched.keysKnowing("forged-" + i);
        }
        assertEquals(reads, counting.reads.get(), "within 5 s of a read, unknown kids read nothing");
        clock.advance(Duration.ofSeconds(5));
        watched.keysKnowing("forged");
        assertEquals(reads + 1, counting.reads.get());
    }

    @Test
    void aStoreThatCannotBeReachedKeepsTheKeysKnown() {
        CountingRepository flaky = new CountingRepository(store);
        SigningKeyRing ring = ring(flaky);
        SigningKeyRing.Keys before = ring.keys();

        flaky.down.set(true);
        clock.advance(Duration.ofMinutes(2));

        assertSame(before, ring.keys());
        flaky.down.set(false);
        clock.advance(Duration.ofSeconds(5));
        assertNotEquals(0, ring.keys().verifying().size());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static final class CountingRepository implements SigningKeyRepository {
        final AtomicInteger reads = new AtomicInteger();
        final AtomicBoolean down = new AtomicBoolean();
        private final SigningKeyRepository delegate;

        CountingRepository(SigningKeyRepository delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<SigningKey> all() {
            if (down.get()) {
                throw new StorageUnavailableException("down", null);
            }
            reads.incrementAndGet();
            return delegate.all();
        }

        @Override
        public boolean rotate(Optional<String> expectedCurrentKid, SigningKey fresh) {
            return delegate.rotate(expectedCurrentKid, fresh);
        }

        @Override
        public int deleteRetiredBefore(Instant cutoff) {
            return delegate.deleteRetiredBefore(cutoff);
        }
    }
}
