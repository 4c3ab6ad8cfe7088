package app.todo.application.port.out;

import app.todo.application.port.out.IdempotencyKeyRepository.KeyUse;
import app.todo.application.port.out.IdempotencyKeyRepository.StoredAnswer;
import app.todo.domain.user.Role;
import app.todo.domain.user.User;
import app.todo.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link IdempotencyKeyRepository} must do; each claim runs in a transaction of the store. */
public abstract class IdempotencyKeyRepositoryContract {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duration LIFETIME = Duration.ofHours(24);
    private static final StoredAnswer CREATED = new StoredAnswer(201, "{\"id\":1}", "/api/u/tasks/1", "\"1\"");

    private IdempotencyKeyRepository keys;
    private Transactions transactions;
    private UserId owner;
    private UserId other;

    protected abstract ContractStore newStore();

    @BeforeEach
    void openStore() {
        ContractStore store = newStore();
        keys = store.idempotencyKeys();
        transactions = store.transactions();
        owner = newUser(store.users());
        other = newUser(store.users());
    }

    private static UserId newUser(UserRepository users) {
        UserId id = new UserId("contract-" + UUID.randomUUID());
        users.addIfAbsent(User.newcomer(id, null, null, Role.USER, NOW));
        return id;
    }

    private Optional<KeyUse> claimAndRecord(UserId who, String key, String fingerprint, Instant at, StoredAnswer answer) {
        return transactions.inTransaction(() -> {
            Optional<KeyUse> used = keys.claim(who, key, fingerprint, at, at.minus(LIFETIME));
            if (used.isEmpty()) {
                keys.record(who, key, answer);
            }
            return used;
        });
    }

    @Test
    void aKeyKeepsTheFirstAnswerWithItsFingerprint() {
        assertEquals(Optional.empty(), claimAndRecord(owner, "k-1", "fp-a", NOW, CREATED));

        Optional<KeyUse> again = claimAndRecord(owner, "k-1", "fp-b", NOW.plusSeconds(5), CREATED);

        assertEquals(Optional.of(new KeyUse("fp-a", CREATED)), again, "the first request's fingerprint and answer");
    }

    @Test
    void keysBelongToOneUser() {
        claimAndRecord(owner, "shared-name", "fp-a", NOW, CREATED);

        assertEquals(Optional.empty(), claimAndRecord(other, "shared-name", "fp-a", NOW, CREATED));
    }

    @Test
    void aKeyOlderThanItsLifetimeIsFreeAgain() {
        claimAndRecord(owner, "k-old", "fp-a", NOW, CREATED);
        StoredAnswer later = new StoredAnswer(201, "{\"id\":2}", "/api/u/tasks/2", "\"1\"");

        assertEquals(Optional.empty(), claimAndRecord(owner, "k-old", "fp-b", NOW.plus(LIFETIME).plusSeconds(1), later));
        assertEquals(Optional.of(new KeyUse("fp-b", later)),
                claimAndRecord(owner, "k-old", "fp-b", NOW.plus(LIFETIME).plusSeconds(2), CREATED));
    }

    @Test
    void aClaimWhoseWriteFailedLeavesTheKeyFree() {
        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            keys.claim(owner, "k-failed", "fp-a", NOW, NOW.minus(LIFETIME));
            throw new IllegalStateException("the write failed");
        }));

        assertEquals(Optional.empty(), claimAndRecord(owner, "k-failed", "fp-a", NOW.plusSeconds(1), CREATED));
    }

    @Test
    void anAnswerKeepsEveryPart() {
        StoredAnswer toggled = new StoredAnswer(200, "{\"completed\":true,\"title\":\"é 😀\"}", null, "\"2\"");
        claimAndRecord(owner, "k-parts", "fp", NOW, toggled);

        KeyUse use = claimAndRecord(owner, "k-parts", "fp", NOW, CREATED).orElseThrow();
        assertEquals(toggled, use.answer());
        assertTrue(use.answer().location() == null);
    }
}
