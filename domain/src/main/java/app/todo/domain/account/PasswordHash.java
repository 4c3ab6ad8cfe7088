package app.todo.domain.account;

import java.util.Objects;

/**
 * A password hash in the hasher's own self-describing encoding (algorithm, parameters, salt, digest).
 * Opaque to everyone but the hasher; it never prints itself, because a leaked hash invites offline
 * guessing.
 */
public record PasswordHash(String encoded) {

    public PasswordHash {
        Objects.requireNonNull(encoded, "encoded");
        if (encoded.isBlank()) {
            throw new IllegalArgumentException("a password hash cannot be blank");
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[redacted]";
    }
}
