package app.todo.application.port.out;

import app.todo.application.port.out.CredentialRepository.Addition;
import app.todo.domain.account.Credential;
import app.todo.domain.account.PasswordHash;
import app.todo.domain.user.Email;
import app.todo.domain.user.Role;
import app.todo.domain.user.User;
import app.todo.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link CredentialRepository} must do. The store may be shared by many tests: each test
 * uses emails and user ids of its own.
 */
public abstract class CredentialRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    /** The credentials of a store, the users they belong to, and the store's transactions. */
    public record Store(CredentialRepository credentials, UserRepository users, Transactions transactions) {
    }

    private Store store;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    /** A store to run one test against; it may hold data of other tests. */
    protected abstract Store newStore();

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    @Test
    void finds_a_credential_by_its_email_in_any_letter_case() {
        Credential ana = credential("ana-id", "ana@example.com", "hash-of-ana");

        assertEquals(Addition.ADDED, store.credentials().addUnlessEmailTaken(ana));

        assertEquals(ana, store.credentials().findByEmail(email("ANA@Example.COM")).orElseThrow());
        assertEquals("hash-of-ana", store.credentials().findByEmail(email("ana@example.com"))
                .orElseThrow().passwordHash().encoded());
    }

    @Test
    void an_unknown_email_finds_nothing() {
        store.credentials().addUnlessEmailTaken(credential("ana-id", "ana@example.com", "h1"));

        assertTrue(store.credentials().findByEmail(email("bob@example.com")).isEmpty());
    }

    @Test
    void a_taken_email_is_reported_and_the_first_credential_stays() {
        Credential first = credential("first-id", "same@example.com", "h1");
        Credential second = credential("second-id", "Same@Example.com", "h2");

        assertEquals(Addition.ADDED, store.credentials().addUnlessEmailTaken(first));
        assertEquals(Addition.EMAIL_TAKEN, store.credentials().addUnlessEmailTaken(second));

        assertEquals(first, store.credentials().findByEmail(email("same@example.com")).orElseThrow());
    }

    @Test
    void of_racing_sign_ups_with_one_email_exactly_one_wins() throws Exception {
        int contenders = 6;
        List<Credential> racers = IntStream.range(0, contenders)
                .mapToObj(i -> credential("racer-" + i, "race@example.com", "h" + i))
                .toList();

        List<Addition> outcomes = Race.run(contenders, i -> () -> store.credentials().addUnlessEmailTaken(racers.get(i)));

        assertEquals(1, Collections.frequency(outcomes, Addition.ADDED), outcomes.toString());
        Credential stored = store.credentials().findByEmail(email("race@example.com")).orElseThrow();
        assertEquals(racers.get(outcomes.indexOf(Addition.ADDED)), stored);
    }

    @Test
    void a_password_hash_read_for_update_holds_a_password_change_until_its_transaction_ends() throws Exception {
        Credential ana = credential("locked-id", "locked@example.com", "old-hash");
        store.credentials().addUnlessEmailTaken(ana);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<List<String>> signIn = threads.submit(() -> store.transactions().inTransaction(() -> {
                String first = store.credentials().passwordHashForUpdate(ana.userId()).orElseThrow().encoded();
                held.countDown();
                awaitQuietly(release);
                return List.of(first, store.credentials().passwordHashForUpdate(ana.userId()).orElseThrow().encoded());
            }));
            assertTrue(held.await(30, TimeUnit.SECONDS));
            Future<Boolean> change = threads.submit(() -> store.transactions().inTransaction(
                    () -> store.credentials().replacePasswordHash(ana.userId(), new PasswordHash("new-hash"))));

            assertThrows(TimeoutException.class, () -> change.get(300, TimeUnit.MILLISECONDS),
                    "the change waits while the row is held");
            release.countDown();
            assertEquals(List.of("old-hash", "old-hash"), signIn.get(30, TimeUnit.SECONDS));
            assertTrue(change.get(30, TimeUnit.SECONDS));
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
        assertEquals("new-hash", store.credentials().passwordHashForUpdate(ana.userId()).orElseThrow().encoded());
        assertTrue(store.credentials().passwordHashForUpdate(new UserId("nobody-" + run)).isEmpty());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stores the credential's user first, as a sign-up does. */
    private Credential credential(String userId, String email, String hash) {
        User user = store.users().addIfAbsent(User.newcomer(new UserId(userId + "-" + run), null, null, Role.USER, T0));
        return new Credential(user.id(), email(email), new PasswordHash(hash));
    }

    /** The address, made unique to this test run by a tag in its local part: ana@x becomes ana+run@x. */
    private Email email(String address) {
        return new Email(address.replace("@", "+" + run + "@"));
    }
}
