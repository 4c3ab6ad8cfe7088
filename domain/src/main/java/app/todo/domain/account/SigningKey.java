package app.todo.domain.account;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One of the service's own token signing key pairs, as encoded bytes: the private half as PKCS#8, the
 * public half as X.509 SubjectPublicKeyInfo. Never prints the private half.
 *
 * @param privateKey null when the store cannot give it back: the key was encrypted at rest with another
 *                   {@code AUTH_SECRET} than the one configured now. Such a key still verifies; it cannot sign.
 * @param retiredAt  null for the current key; when it stopped signing for a retired one
 */
public record SigningKey(String kid, byte[] privateKey, byte[] publicKey, Instant createdAt, Instant retiredAt) {

    public SigningKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(createdAt, "createdAt");
        if (kid.isBlank() || kid.length() > 255) {
            throw new IllegalArgumentException("kid must be 1 to 255 characters");
        }
        if ((privateKey != null && privateKey.length == 0) || publicKey.length == 0) {
            throw new IllegalArgumentException("key bytes cannot be empty");
        }
        privateKey = privateKey == null ? null : privateKey.clone();
        publicKey = publicKey.clone();
    }

    /** A new, current key. */
    public SigningKey(String kid, byte[] privateKey, byte[] publicKey, Instant createdAt) {
        this(kid, Objects.requireNonNull(privateKey, "privateKey"), publicKey, createdAt, null);
    }

    /** The PKCS#8 bytes, or null when the store could not decrypt them (see {@link #canSign()}). */
    @Override
    public byte[] privateKey() {
        return privateKey == null ? null : privateKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    public boolean canSign() {
        return privateKey != null;
    }

    public boolean isRetired() {
        return retiredAt != null;
    }

    /** This key, its private half forgotten (it was unreadable). */
    public SigningKey withoutPrivateKey() {
        return new SigningKey(kid, null, publicKey, createdAt, retiredAt);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigningKey other
                && kid.equals(other.kid)
                && Arrays.equals(privateKey, other.privateKey)
                && Arrays.equals(publicKey, other.publicKey)
                && createdAt.equals(other.createdAt)
                && Objects.equals(retiredAt, other.retiredAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kid, Arrays.hashCode(publicKey), createdAt);
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", createdAt=" + createdAt + ", retiredAt=" + retiredAt
                + ", privateKey=" + (privateKey == null ? "unreadable" : "redacted") + "]";
    }
}
