package app.todo.adapter.http.account;

import app.todo.adapter.http.auth.OwnSigningKeys;
import app.todo.adapter.http.auth.SigningKey;
import app.todo.application.port.out.SigningKeyRepository;

import java.time.Clock;

/**
 * The service's own signing key, kept in the store: made on the first start of the first instance,
 * read by every later start and every other instance, so tokens survive restarts and any instance
 * verifies what another signed.
 */
public final class StoredSigningKeys {

    private StoredSigningKeys() {
    }

    /**
     * The stored key, stored first when there is none (a key pair made now). A damaged stored key fails
     * here, at start, rather than at the first sign-in.
     */
    public static OwnSigningKeys load(SigningKeyRepository repository, Clock clock) {
        app.todo.application.port.out.SigningKey stored = repository.current(() -> {
            SigningKey fresh = SigningKey.generate(clock);
            return new app.todo.application.port.out.SigningKey(fresh.kid(), fresh.privateKeyPkcs8(),
                    fresh.publicKeyX509(), fresh.createdAt());
        });
        return OwnSigningKeys.of(new SigningKey(stored.kid(), stored.privateKey(), stored.publicKey(),
                stored.createdAt()));
    }
}
