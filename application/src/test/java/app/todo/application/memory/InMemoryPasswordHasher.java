package app.todo.application.memory;

import app.todo.application.port.out.PasswordHasher;
import app.todo.domain.account.PasswordHash;
import app.todo.domain.account.PlainPassword;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fast, salted stand-in for a real password hasher (salted SHA-256: fine for tests, far too fast
 * for real passwords). Counts its work, so tests can check that every sign-in pays for one verify.
 */
public final class InMemoryPasswordHasher implements PasswordHasher {

    private static final String PREFIX = "test-sha256$";

    private final SecureRandom random = new SecureRandom();
    private final AtomicInteger hashes = new AtomicInteger();
    private final AtomicInteger verifications = new AtomicInteger();

    @Override
    public PasswordHash hash(PlainPassword password) {
        hashes.incrementAndGet();
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        String saltHex = HexFormat.of().formatHex(salt);
        return new PasswordHash(PREFIX + saltHex + "$" + digest(saltHex, password));
    }

    @Override
    public boolean verify(PlainPassword password, PasswordHash hash) {
        verifications.incrementAndGet();
        String[] parts = hash.encoded().split("\\$");
        if (!hash.encoded().startsWith(PREFIX) || parts.length != 3) {
            return false;
        }
        return MessageDigest.isEqual(parts[2].getBytes(StandardCharsets.US_ASCII),
                digest(parts[1], password).getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void verifyWithoutHash(PlainPassword password) {
        verifications.incrementAndGet();
        digest("00", password);
    }

    /** How many hashes were made. */
    public int hashes() {
        return hashes.get();
    }

    /** How many verifications were paid for, with or without a hash. */
    public int verifications() {
        return verifications.get();
    }

    private static String digest(String saltHex, PlainPassword password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(saltHex.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(password.value().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
