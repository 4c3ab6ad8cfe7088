package app.todo.adapter.http.account;

import app.todo.application.port.out.PasswordHasher;
import app.todo.domain.account.PasswordHash;
import app.todo.domain.account.PlainPassword;
import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Argon2id through password4j. Hashes are stored in the standard PHC string form
 * ({@code $argon2id$v=19$m=…,t=…,p=…$salt$digest}), so each hash carries its own parameters and
 * old hashes still verify after the parameters change.
 */
public final class Argon2PasswordHasher implements PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int DIGEST_BYTES = 32;

    /** The cost of one hash. */
    public record Parameters(int memoryKiB, int iterations, int parallelism) {

        /** OWASP's Password Storage Cheat Sheet: m = 19 MiB, t = 2, p = 1 (about 40–70 ms here). */
        public static final Parameters OWASP = new Parameters(19 * 1024, 2, 1);

        public Parameters {
            if (memoryKiB < 8 * parallelism || iterations < 1 || parallelism < 1) {
                throw new IllegalArgumentException("Argon2 needs m >= 8p KiB, t >= 1, p >= 1");
            }
        }
    }

    private final Argon2Function function;
    private final String dummyHash;
    private final Semaphore slots;

    /** With {@link Parameters#OWASP}: what production uses. */
    public static Argon2PasswordHasher owasp() {
        return new Argon2PasswordHasher(Parameters.OWASP);
    }

    /** Cheaper parameters are for tests only; they make hashes easier to guess. */
    public Argon2PasswordHasher(Parameters parameters) {
        this(parameters, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param maxConcurrent how many hashes may run at once; the others wait their turn. Each holds
     *                      {@code memoryKiB} of memory (19 MiB at OWASP's parameters) and a core, and
     *                      requests run on virtual threads, so without a bound a burst of sign-ins from
     *                      many addresses could exhaust the heap. One per core loses no throughput.
     */
    public Argon2PasswordHasher(Parameters parameters, int maxConcurrent) {
        Objects.requireNonNull(parameters, "parameters");
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("at least one hash must be able to run");
        }
        this.slots = new Semaphore(maxConcurrent, true);
        this.function = Argon2Function.getInstance(parameters.memoryKiB(), parameters.iterations(),
                parameters.parallelism(), DIGEST_BYTES, Argon2.ID, Argon2Function.ARGON2_VERSION_13);
        // A hash of a password nobody knows, with the current parameters: verifying against it costs
        // exactly what verifying a real user's hash costs.
        byte[] unknowable = new byte[32];
        new SecureRandom().nextBytes(unknowable);
        this.dummyHash = hashOf(Base64.getEncoder().encodeToString(unknowable));
    }

    @Override
    public PasswordHash hash(PlainPassword password) {
        return inTurn(() -> new PasswordHash(hashOf(password.value())));
    }

    @Override
    public boolean verify(PlainPassword password, PasswordHash hash) {
        String encoded = hash.encoded();
        if (!encoded.startsWith("$argon2id$")) {
            return false;
        }
        return inTurn(() -> {
            try {
                return Argon2Function.getInstanceFromHash(encoded).check(password.value(), encoded);
            } catch (RuntimeException unreadable) {
                // A damaged hash proves nothing; it must not become a 500 that tells it apart from a wrong password.
                return false;
            }
        });
    }

    @Override
    public void verifyWithoutHash(PlainPassword password) {
        inTurn(() -> function.check(password.value(), dummyHash));
    }

    /** The parameters part of the hashes this hasher makes, e.g. {@code m=19456,t=2,p=1}. */
    String parametersOfNewHashes() {
        return parameters(dummyHash);
    }

    static String parameters(String encoded) {
        String[] parts = encoded.split("\\$");
        return parts.length > 3 ? parts[3] : "";
    }

    private <T> T inTurn(Supplier<T> work) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to hash a password", e);
        }
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }

    private String hashOf(String password) {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(function).getResult();
    }
}
