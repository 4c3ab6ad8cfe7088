package app.todo.adapter.http.account;

import app.todo.domain.account.PasswordHash;
import app.todo.domain.account.PlainPassword;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parameters production runs with, once: a few hashes of about 50 ms each. */
class Argon2PasswordHasherOwaspTest {

    private static final PlainPassword PASSWORD = new PlainPassword("correct horse battery staple");

    private final Argon2PasswordHasher hasher = Argon2PasswordHasher.owasp();

    @Test
    void hashes_with_the_owasp_parameters_and_verifies() {
        PasswordHash hash = hasher.hash(PASSWORD);

        assertEquals("m=19456,t=2,p=1", Argon2PasswordHasher.parameters(hash.encoded()));
        assertTrue(hasher.verify(PASSWORD, hash));
        assertFalse(hasher.verify(new PlainPassword("correct horse battery stapler"), hash));
    }

    @Test
    void an_unknown_email_costs_about_what_a_wrong_password_costs() {
        PasswordHash hash = hasher.hash(PASSWORD);
        PlainPassword wrong = new PlainPassword("not the password");

        long verify = fastestOfThree(() -> hasher.verify(wrong, hash));
        long withoutHash = fastestOfThree(() -> {
            hasher.verifyWithoutHash(wrong);
            return false;
        });

        assertEquals(hasher.parametersOfNewHashes(), Argon2PasswordHasher.parameters(hash.encoded()));
        // Same parameters, so the same work; the bounds only absorb scheduling noise.
        assertTrue(withoutHash > verify / 2 && withoutHash < verify * 2,
                "verify " + verify / 1_000_000 + " ms, without hash " + withoutHash / 1_000_000 + " ms");
    }

    /**
     * CPU time of this thread rather than wall-clock time, so that other processes on a busy machine do
     * not blur the comparison (with p = 1 the hash runs on the calling thread).
     */
    private static long fastestOfThree(BooleanSupplier work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = threads.getCurrentThreadCpuTime();
            work.getAsBoolean();
            best = Math.min(best, threads.getCurrentThreadCpuTime() - start);
        }
        return best;
    }
}
