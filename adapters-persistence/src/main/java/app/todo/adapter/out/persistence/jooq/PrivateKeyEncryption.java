package app.todo.adapter.out.persistence.jooq;

import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Hkdf;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * How a signing key's private half is kept in its row (docs/rules.md §2: "with {@code AUTH_SECRET} set, private
 * keys are encrypted at rest"). With a secret: {@value #SEALED_PREFIX} and base64 of AES-256-GCM's IV,
 * ciphertext and tag (Tink's {@link AesGcmJce}), under a key derived from the secret with HKDF-SHA256, the
 * row's {@code kid} bound as associated data so a sealed key cannot be moved to another row. Without one:
 * base64 of the PKCS#8 bytes, as before rotation and encryption existed.
 */
final class PrivateKeyEncryption {

    static final String SEALED_PREFIX = "aes-gcm-v1:";
    private static final byte[] HKDF_SALT = "todo-api signing keys".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HKDF_INFO = "AES-256-GCM private key at rest, v1".getBytes(StandardCharsets.US_ASCII);
    private static final int AES_KEY_BYTES = 32;

    private final AesGcmJce aead;
    /** Keys of earlier secrets ({@code AUTH_SECRET_PREVIOUS}): they open, never seal. */
    private final List<AesGcmJce> previous;

    private PrivateKeyEncryption(AesGcmJce aead, List<AesGcmJce> previous) {
        this.aead = aead;
        this.previous = previous;
    }

    static PrivateKeyEncryption none() {
        return new PrivateKeyEncryption(null, List.of());
    }

    /** @param secret {@code AUTH_SECRET}'s bytes; the contract's 32-byte minimum is checked by the settings */
    static PrivateKeyEncryption withSecret(byte[] secret) {
        return withSecrets(secret, List.of());
    }

    /**
     * @param secret   seals and opens ({@code AUTH_SECRET})
     * @param previous open only ({@code AUTH_SECRET_PREVIOUS}): during a rolling change of the secret, instances
     *                 with the new one still use the key that those with the old one made, so neither side
     *                 retires the other's key and nothing loops
     */
    static PrivateKeyEncryption withSecrets(byte[] secret, List<byte[]> previous) {
        return new PrivateKeyEncryption(aeadOf(secret), previous.stream().map(PrivateKeyEncryption::aeadOf).toList());
    }

    private static AesGcmJce aeadOf(byte[] secret) {
        try {
            return new AesGcmJce(Hkdf.computeHkdf("HMACSHA256", secret, HKDF_SALT, HKDF_INFO, AES_KEY_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK lacks HMAC-SHA256 or AES-GCM", e);
        }
    }

    boolean encrypts() {
        return aead != null;
    }

    /** The text stored for {@code pkcs8}: sealed when there is a secret, plain base64 otherwise. */
    String seal(String kid, byte[] pkcs8) {
        if (aead == null) {
            return Base64.getEncoder().encodeToString(pkcs8);
        }
        try {
            return SEALED_PREFIX + Base64.getEncoder().encodeToString(aead.encrypt(pkcs8, associatedData(kid)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM could not encrypt", e);
        }
    }

    /**
     * The PKCS#8 bytes of a stored text, or empty when they cannot be had: sealed under another secret,
     * sealed while no secret is configured, or damaged.
     */
    Optional<byte[]> open(String kid, String stored) {
        try {
            if (!isSealed(stored)) {
                return Optional.of(Base64.getDecoder().decode(stored));
            }
            if (aead == null) {
                return Optional.empty();
            }
            byte[] sealed = Base64.getDecoder().decode(stored.substring(SEALED_PREFIX.length()));
            for (AesGcmJce candidate : keysToTry()) {
                try {
                    return Optional.of(candidate.decrypt(sealed, associatedData(kid)));
                } catch (GeneralSecurityException otherSecret) {
                    // try the next one
                }
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private List<AesGcmJce> keysToTry() {
        List<AesGcmJce> all = new java.util.ArrayList<>(previous.size() + 1);
        all.add(aead);
        all.addAll(previous);
        return all;
    }

    static boolean isSealed(String stored) {
        return stored.startsWith(SEALED_PREFIX);
    }

    private static byte[] associatedData(String kid) {
        return kid.getBytes(StandardCharsets.UTF_8);
    }
}
