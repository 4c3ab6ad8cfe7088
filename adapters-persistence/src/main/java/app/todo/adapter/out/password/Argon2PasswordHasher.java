package app.todo.adapter.out.password;

import app.todo.application.port.out.OverloadedException;
import app.todo.application.port.out.PasswordHasher;
import app.todo.domain.account.PasswordHash;
import app.todo.domain.account.PlainPassword;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Argon2id through Bouncy Castle's {@code Argon2BytesGenerator}. Hashes are stored in the standard PHC string form
 * ({@code $argon2id$v=19$m=…,t=…,p=…$salt$digest}, Base64 without padding), so each hash carries its own parameters
 * and old hashes still verify after the parameters change; hashes written by password4j, which this service used
 * before, are the same form and verify unchanged. Bouncy Castle rather than password4j: password4j keeps a zeroed
 * block of the memory parameter (19 MiB) for as long as the process lives, a fifth of the default heap that every
 * other request then lacks (docs/operations.md, "JVM options"); here the memory lives only while a hash runs.
 * The PHC string is written and read here: it is five fields, and Bouncy Castle has no codec for it.
 *
 * <p>Every Argon2 computation runs on a small pool of platform threads with a bounded queue, never on
 * the request's (virtual) thread: CPU-bound hashing on virtual threads would occupy every carrier
 * thread and stall all other requests, health probes included. When the queue is full the hasher
 * refuses at once with {@link OverloadedException} (a 503 at the edge) instead of queueing without bound.
 *
 * <p>A wrong password, an unknown email and a damaged stored hash all cost exactly one Argon2
 * computation at the current parameters, through the same code, so timing tells none of them apart
 * (docs/rules.md §2).
 */
public final class Argon2PasswordHasher implements PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int DIGEST_BYTES = 32;
    private static final SecureRandom SALTS = new SecureRandom();
    private static final String ARGON2ID_PREFIX = "$argon2id$";
    /** Lanes a stored hash may ask for: the thread pool is sized by memory, and lanes cost none but time. */
    private static final int MAX_PARALLELISM = 4;

    /** The cost of one hash. */
    public record Parameters(int memoryKiB, int iterations, int parallelism) {

        /** OWASP's Password Storage Cheat Sheet: m = 19 MiB, t = 2, p = 1 (about 40–70 ms here). */
        public static final Parameters OWASP = new Parameters(19 * 1024, 2, 1);

        public Parameters {
            if (memoryKiB < 8 * parallelism || iterations < 1 || parallelism < 1) {
                throw new IllegalArgumentException("Argon2 needs m >= 8p KiB, t >= 1, p >= 1");
            }
        }

        /** As a PHC string writes them: {@code m=19456,t=2,p=1}. */
        String text() {
            return "m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism;
        }
    }

    /** Hashes that may wait for a thread, per hashing thread: at ~50 ms a hash, about 1.6 s of work. */
    public static final int QUEUE_PER_THREAD = 32;

    private final Parameters parameters;
    private final String dummyHash;
    /** {@link #dummyHash}, read once. */
    private final Stored decoy;
    private final ThreadPoolExecutor pool;
    private final Consumer<String> computations;

    /** With {@link Parameters#OWASP}: what production uses. */
    public static Argon2PasswordHasher owasp() {
        return new Argon2PasswordHasher(Parameters.OWASP);
    }

    /** Cheaper parameters are for tests only; they make hashes easier to guess. */
    public Argon2PasswordHasher(Parameters parameters) {
        this(parameters, defaultThreads(parameters));
    }

    /**
     * @param threads how many hashes run at once (each holds {@code memoryKiB} of memory and a core);
     *                up to {@link #QUEUE_PER_THREAD} per thread wait, the rest are refused
     */
    public Argon2PasswordHasher(Parameters parameters, int threads) {
        this(parameters, threads, threads * QUEUE_PER_THREAD, parameterText -> { });
    }

    /**
     * @param computations told the parameters ({@code m=…,t=…,p=…}) of every Argon2 computation, on the
     *                     thread that runs it: lets tests count work instead of timing it
     */
    Argon2PasswordHasher(Parameters parameters, int threads, int queueCapacity, Consumer<String> computations) {
        Objects.requireNonNull(parameters, "parameters");
        if (threads < 1 || queueCapacity < 0) {
            throw new IllegalArgumentException("at least one hash must be able to run, and the queue cannot be negative");
        }
        this.computations = Objects.requireNonNull(computations, "computations");
        this.parameters = parameters;
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                queueCapacity == 0 ? new java.util.concurrent.SynchronousQueue<>() : new ArrayBlockingQueue<>(queueCapacity),
                hashingThreads(), new ThreadPoolExecutor.AbortPolicy());
        // A decoy in the stored form (PHC string) with the current parameters, a random salt and a random
        // digest: verifying against it costs exactly what verifying a real user's hash costs, and nothing
        // matches it. Written out rather than hashed: one Argon2 hash was the largest single cost of
        // starting the service.
        this.dummyHash = decoyFor(parameters);
        this.decoy = decode(dummyHash, parameters).orElseThrow();
    }

    private String decoy() {
        return dummyHash;
    }

    /** {@code $argon2id$v=19$m=…,t=…,p=…$salt$digest}, the form {@link #encode} writes and {@link #decode} reads. */
    static String decoyFor(Parameters parameters) {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[SALT_BYTES];
        byte[] digest = new byte[DIGEST_BYTES];
        random.nextBytes(salt);
        random.nextBytes(digest);
        return encode(new Stored(parameters, salt, digest));
    }

    /** A stored hash, read: the parameters and salt it was made with, and its digest. */
    record Stored(Parameters parameters, byte[] salt, byte[] digest) {
    }

    static String encode(Stored hash) {
        Base64.Encoder phc = Base64.getEncoder().withoutPadding();
        return ARGON2ID_PREFIX + "v=" + Argon2Parameters.ARGON2_VERSION_13 + "$" + hash.parameters().text()
                + "$" + phc.encodeToString(hash.salt()) + "$" + phc.encodeToString(hash.digest());
    }

    /**
     * Reads a PHC string of Argon2id version 19 that costs no more than a hash at {@code current}: at most its memory
     * (the thread pool is sized by it), at most its memory × iterations of work, at most {@value #MAX_PARALLELISM}
     * lanes, a salt of 8–64 bytes and a digest of 16–64. Anything else is empty, so a damaged stored hash can neither
     * fail the request nor make one check cost more than a wrong password does. (Older hashes are cheaper: the
     * parameters only ever rise.)
     */
    static Optional<Stored> decode(String encoded, Parameters current) {
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 6 || !parts[0].isEmpty() || !parts[1].equals("argon2id")
                || !parts[2].equals("v=" + Argon2Parameters.ARGON2_VERSION_13)) {
            return Optional.empty();
        }
        try {
            int m = -1;
            int t = -1;
            int p = -1;
            String[] costs = parts[3].split(",", -1);
            if (costs.length != 3) {
                return Optional.empty();
            }
            for (String cost : costs) {
                int value = Integer.parseInt(cost.substring(2));
                switch (cost.substring(0, 2)) {
                    case "m=" -> m = value;
                    case "t=" -> t = value;
                    case "p=" -> p = value;
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            if (m > current.memoryKiB() || (long) m * t > (long) current.memoryKiB() * current.iterations()
                    || p > Math.max(MAX_PARALLELISM, current.parallelism())) {
                return Optional.empty();
            }
            Base64.Decoder phc = Base64.getDecoder();
            byte[] salt = phc.decode(parts[4]);
            byte[] digest = phc.decode(parts[5]);
            if (salt.length < 8 || salt.length > 64 || digest.length < 16 || digest.length > 64) {
                return Optional.empty();
            }
            return Optional.of(new Stored(new Parameters(m, t, p), salt, digest));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** One Argon2id computation; its memory is garbage as soon as it returns. */
    private static byte[] argon2(Parameters parameters, byte[] salt, CharSequence password, int digestBytes) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(parameters.memoryKiB())
                .withIterations(parameters.iterations())
                .withParallelism(parameters.parallelism())
                .withSalt(salt)
                .build());
        byte[] digest = new byte[digestBytes];
        generator.generateBytes(password.toString().getBytes(StandardCharsets.UTF_8), digest);
        return digest;
    }

    /**
     * One core is left to serve requests (on a single core, hashing shares it), and hashing never takes more
     * than half the heap: each hash running holds {@code memoryKiB}. Seven threads of 19 MiB on an eight-core
     * machine would outgrow a 128 MiB heap (the small default).
     */
    static int defaultThreads(Parameters parameters) {
        return threadsFor(parameters, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory());
    }

    /** @param maxHeapBytes the heap's limit ({@link Runtime#maxMemory()}), in bytes */
    static int threadsFor(Parameters parameters, int cores, long maxHeapBytes) {
        long perHash = parameters.memoryKiB() * 1024L;
        long byMemory = maxHeapBytes / 2 / perHash;
        return (int) Math.max(1, Math.min(cores - 1, byMemory));
    }

    @Override
    public PasswordHash hash(PlainPassword password) {
        return onPool(() -> {
            computations.accept(parameters.text());
            byte[] salt = new byte[SALT_BYTES];
            SALTS.nextBytes(salt);
            return new PasswordHash(encode(new Stored(parameters, salt, argon2(parameters, salt, password.value(), DIGEST_BYTES))));
        });
    }

    @Override
    public boolean verify(PlainPassword password, PasswordHash hash) {
        String encoded = hash.encoded();
        // A hash this hasher cannot read proves nothing, and must cost what a wrong password costs.
        boolean readable = encoded.startsWith(ARGON2ID_PREFIX);
        boolean matches = onPool(() -> check(password, readable ? encoded : decoy()));
        return readable && matches;
    }

    @Override
    public void verifyWithoutHash(PlainPassword password) {
        onPool(() -> check(password, decoy()));
    }

    /** The parameters part of the hashes this hasher makes, e.g. {@code m=19456,t=2,p=1}. */
    String parametersOfNewHashes() {
        return parameters.text();
    }

    /** Hashes waiting for a thread right now. */
    int queued() {
        return pool.getQueue().size();
    }

    static String parameters(String encoded) {
        String[] parts = encoded.split("\\$");
        return parts.length > 3 ? parts[3] : "";
    }

    /** The one Argon2 check both a known and an unknown email go through. */
    private boolean check(PlainPassword password, String encoded) {
        Optional<Stored> read = decode(encoded, parameters);
        // A damaged hash proves nothing; it costs what a wrong password costs and is never a 500.
        Stored against = read.orElse(decoy);
        computations.accept(against.parameters().text());
        byte[] digest = argon2(against.parameters(), against.salt(), password.value(), against.digest().length);
        return MessageDigest.isEqual(digest, against.digest()) && read.isPresent();
    }

    private <T> T onPool(Callable<T> work) {
        var future = submit(work);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    // The hash is already running; finishing it keeps the timing uniform.
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("password hashing failed", e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private <T> java.util.concurrent.Future<T> submit(Callable<T> work) {
        try {
            return pool.submit(work);
        } catch (RejectedExecutionException full) {
            throw new OverloadedException("too many password hashes are waiting");
        }
    }

    private static java.util.concurrent.ThreadFactory hashingThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "argon2-" + count.incrementAndGet());
            // Never keeps the JVM alive: a hash in progress at shutdown has nobody left to answer.
            thread.setDaemon(true);
            return thread;
        };
    }
}
