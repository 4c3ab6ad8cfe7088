package app.todo.application.port.out;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * The service's own token signing key pair, as encoded bytes: the private half as PKCS#8, the public
 * half as X.509 SubjectPublicKeyInfo. Never prints the private half.
 */
public record SigningKey(String kid, byte[] privateKey, byte[] publicKey, Instant createdAt) {

    public SigningKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(createdAt, "createdAt");
        if (kid.isBlank() || kid.length() > 255) {
            throw new IllegalArgumentException("kid must be 1 to 255 characters");
        }
        if (privateKey.length == 0 || publicKey.length == 0) {
            throw new IllegalArgumentException("key bytes cannot be empty");
        }
        privateKey = privateKey.clone();
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] privateKey() {
        return privateKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigningKey other
                && kid.equals(other.kid)
                && Arrays.equals(privateKey, other.privateKey)
                && Arrays.equals(publicKey, other.publicKey)
                && createdAt.equals(other.createdAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kid, Arrays.hashCode(publicKey), createdAt);
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", createdAt=" + createdAt + ", privateKey=redacted]";
    }
}
