package app.todo.application.port.out;

import java.util.function.Supplier;

/** Keeps the service's own signing key pair, so tokens stay valid across restarts and instances. */
public interface SigningKeyRepository {

    /**
     * The stored key. When none is stored yet, stores the one {@code generate} makes, unless another
     * instance stored one meanwhile; either way every caller gets the same, stored key.
     * {@code generate} may be called and its key discarded.
     */
    SigningKey current(Supplier<SigningKey> generate);
}
