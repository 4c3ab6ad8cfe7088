package app.todo.adapter.out.password;

import app.todo.application.testing.Polling;
import app.todo.application.port.out.OverloadedException;
import app.todo.domain.account.PasswordHash;
import app.todo.domain.account.PlainPassword;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parameters production runs with, and the timing rule of docs/rules.md §2 proven by counting work
 * rather than by timing it: an unknown email, a wrong password and a damaged hash each cost exactly one
 * Argon2 computation at the production parameters. (Wall-clock figures live in the JMH benchmark.)
 */
class Argon2PasswordHasherOwaspTest {

    private static final PlainPassword PASSWORD = new PlainPassword("correct horse battery staple");
    private static final String OWASP = "m=19456,t=2,p=1";

    private final List<String> computations = new CopyOnWriteArrayList<>();
    private final List<Boolean> onVirtualThreads = new CopyOnWriteArrayList<>();
    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher(Argon2PasswordHasher.Parameters.OWASP, 1, 8,
            parameters -> {
                computations.add(parameters);
                onVirtualThreads.add(Thread.currentThread().isVirtual());
            });

    @Test
    void hashes_with_the_owasp_parameters_and_verifies() {
        PasswordHash hash = hasher.hash(PASSWORD);

        assertEquals(OWASP, Argon2PasswordHasher.parameters(hash.encoded()));
        assertTrue(hasher.verify(PASSWORD, hash));
        assertFalse(hasher.verify(new PlainPassword("correct horse battery stapler"), hash));
    }

    /** Written by password4j 1.8.4, which hashed the accounts made before this hasher: they still sign in. */
    @Test
    void verifies_a_production_hash_the_earlier_library_wrote() {
        PasswordHash earlier = new PasswordHash(
                "$argon2id$v=19$m=19456,t=2,p=1$qNaYMgFwbibQbl4lfg/fDg$rvSSNVNeyQ/VqBDe6Vkpgvhij34vhwT1WK5mfnR667Y");

        assertTrue(hasher.verify(new PlainPassword("correct horse ✓ Ünïcode"), earlier));
        assertFalse(hasher.verify(PASSWORD, earlier));
    }

    @Test
    void an_unknown_email_a_wrong_password_and_a_damaged_hash_each_cost_one_owasp_computation() {
        PasswordHash hash = hasher.hash(PASSWORD);
        PlainPassword wrong = new PlainPassword("not the password");

        computations.clear();
        hasher.verify(wrong, hash);
        List<String> wrongPassword = List.copyOf(computations);

        computations.clear();
        hasher.verifyWithoutHash(wrong);
        List<String> unknownEmail = List.copyOf(computations);

        computations.clear();
        assertFalse(hasher.verify(wrong, new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$bm90IGJhc2U2NA$!!!")));
        List<String> damaged = List.copyOf(computations);

        computations.clear();
        assertFalse(hasher.verify(wrong, new PasswordHash("$2a$10$notargon")));
        List<String> foreign = List.copyOf(computations);

        assertEquals(List.of(OWASP), wrongPassword);
        assertEquals(wrongPassword, unknownEmail);
        assertEquals(wrongPassword, damaged);
        assertEquals(wrongPassword, foreign);
    }

    @Test
    void hashing_runs_on_platform_threads_never_on_the_requests_virtual_thread() throws Exception {
        try (var requests = Executors.newVirtualThreadPerTaskExecutor()) {
            requests.submit(() -> hasher.verifyWithoutHash(PASSWORD)).get(30, TimeUnit.SECONDS);
        }
        assertEquals(List.of(false), onVirtualThreads);
    }

    @Test
    void a_full_queue_refuses_at_once_instead_of_waiting_without_bound() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        Argon2PasswordHasher blocked = new Argon2PasswordHasher(new Argon2PasswordHasher.Parameters(64, 1, 1), 1, 2,
                parameters -> {
                    running.countDown();
                    await(release);
                });
        try (var requests = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> first = requests.submit(() -> blocked.verifyWithoutHash(PASSWORD));
            assertTrue(running.await(30, TimeUnit.SECONDS));
            Future<?> queued1 = requests.submit(() -> blocked.verifyWithoutHash(PASSWORD));
            Future<?> queued2 = requests.submit(() -> blocked.verifyWithoutHash(PASSWORD));
            awaitQueued(blocked, 2);

            assertThrows(OverloadedException.class, () -> blocked.verifyWithoutHash(PASSWORD));

            release.countDown();
            first.get(30, TimeUnit.SECONDS);
            queued1.get(30, TimeUnit.SECONDS);
            queued2.get(30, TimeUnit.SECONDS);
        }
    }

    private static void awaitQueued(Argon2PasswordHasher hasher, int expected) {
        assertEquals(expected, Polling.until(Duration.ofSeconds(30), hasher::queued, queued -> queued >= expected));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
