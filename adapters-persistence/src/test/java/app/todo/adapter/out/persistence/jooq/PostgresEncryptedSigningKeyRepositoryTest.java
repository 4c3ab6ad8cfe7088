package app.todo.adapter.out.persistence.jooq;

import app.todo.domain.account.SigningKey;
import app.todo.application.port.out.SigningKeyRepository;
import app.todo.application.port.out.SigningKeyRepositoryContract;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import static app.todo.adapter.out.persistence.jooq.generated.Tables.SIGNING_KEYS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract with private keys encrypted at rest (AUTH_SECRET set), and what the rows then hold. */
class PostgresEncryptedSigningKeyRepositoryTest extends SigningKeyRepositoryContract {

    private static final String SECRET = "an AUTH_SECRET of at least thirty-two bytes";
    private static final byte[] PRIVATE = "pkcs8 bytes of a private key".getBytes(StandardCharsets.UTF_8);

    private EmptiedTestDatabases.Pair databases;

    @Override
    protected Instances newEmptyStore() {
        databases = EmptiedTestDatabases.postgres();
        return new Instances(databases.one().signingKeyRepository(SECRET), databases.another().signingKeyRepository(SECRET));
    }

    private String storedPrivateKey(String kid) {
        return databases.one().dsl().select(SIGNING_KEYS.PRIVATE_KEY).from(SIGNING_KEYS)
                .where(SIGNING_KEYS.KID.eq(kid)).fetchSingle().value1();
    }

    @Test
    void theRowHoldsOnlyCiphertextAndTheSameSecretReadsTheKeyBack() {
        databases.one().signingKeyRepository(SECRET).rotate(Optional.empty(), key("sealed"));

        String stored = storedPrivateKey("sealed");
        assertTrue(stored.startsWith(PrivateKeyEncryption.SEALED_PREFIX), stored);
        assertFalse(stored.contains(Base64.getEncoder().encodeToString(PRIVATE)), "no plain PKCS#8 at rest");
        assertArrayEquals(PRIVATE, databases.another().signingKeyRepository(SECRET).all().getFirst().privateKey());
    }

    /** Second review, finding 4: a rolling change of AUTH_SECRET, old and new instances side by side. */
    @Test
    void duringARollingChangeTheNewSecretOpensTheOldSecretsKeyAndSealsNewOnesWithTheNewOne() {
        String newSecret = "the new secret, thirty-two bytes or more";
        databases.one().signingKeyRepository(SECRET).rotate(Optional.empty(), key("made-by-an-old-instance"));

        SigningKeyRepository rolling = databases.another().signingKeyRepository(newSecret, java.util.List.of(SECRET));
        assertArrayEquals(PRIVATE, rolling.all().getFirst().privateKey(), "so it is used, not retired: no loop");
        assertArrayEquals(PRIVATE, databases.one().signingKeyRepository(SECRET).all().getFirst().privateKey(),
                "and the old instances still open it: it was not sealed again");

        assertTrue(rolling.rotate(Optional.of("made-by-an-old-instance"), key("made-by-a-new-instance")));
        assertNull(databases.one().signingKeyRepository(SECRET).all().getFirst().privateKey(),
                "sealed with the new secret only");
        assertArrayEquals(PRIVATE, databases.another().signingKeyRepository(newSecret).all().getFirst().privateKey());
    }

    @Test
    void anotherSecretOrNoneGetsThePublicHalfButNeverThePrivateOne() {
        databases.one().signingKeyRepository(SECRET).rotate(Optional.empty(), key("sealed"));

        SigningKey underAnotherSecret = databases.one().signingKeyRepository("a different secret of thirty-two bytes").all().getFirst();
        SigningKey withoutSecret = databases.one().signingKeyRepository().all().getFirst();

        assertNull(underAnotherSecret.privateKey());
        assertNull(withoutSecret.privateKey());
        assertArrayEquals(key("sealed").publicKey(), underAnotherSecret.publicKey());
    }

    /** Second review, finding 5: a key kept in plain text may be in any old backup, so it is replaced, not sealed. */
    @Test
    void aKeyStoredBeforeTheSecretWasSetCannotSignOnceTheSecretIsSetAndIsWipedWhenReplaced() {
        databases.one().signingKeyRepository().rotate(Optional.empty(), key("plain"));
        assertFalse(storedPrivateKey("plain").startsWith(PrivateKeyEncryption.SEALED_PREFIX));

        SigningKeyRepository sealing = databases.one().signingKeyRepository(SECRET);
        assertNull(sealing.all().getFirst().privateKey(), "reads as a key that cannot sign, which the ring replaces");

        assertTrue(sealing.rotate(Optional.of("plain"), key("fresh")));
        assertEquals("", storedPrivateKey("plain"), "a retired key only verifies: its private half is gone");
        assertTrue(storedPrivateKey("fresh").startsWith(PrivateKeyEncryption.SEALED_PREFIX));
        assertArrayEquals(PRIVATE, sealing.all().getFirst().privateKey());
    }

    @Test
    void aSealedKeyMovedToAnotherRowDoesNotOpen() {
        SigningKeyRepository keys = databases.one().signingKeyRepository(SECRET);
        keys.rotate(Optional.empty(), key("first"));
        keys.rotate(Optional.of("first"), new SigningKey("second", PRIVATE, "public".getBytes(StandardCharsets.UTF_8),
                Instant.parse("2026-12-01T00:00:00Z")));
        databases.one().dsl().update(SIGNING_KEYS).set(SIGNING_KEYS.PRIVATE_KEY, storedPrivateKey("first"))
                .where(SIGNING_KEYS.KID.eq("second")).execute();

        assertNull(keys.all().getFirst().privateKey(), "the kid is bound to the ciphertext");
    }

    private static SigningKey key(String kid) {
        return new SigningKey(kid, PRIVATE, ("public-" + kid).getBytes(StandardCharsets.UTF_8),
                Instant.parse("2026-11-30T00:00:00Z"));
    }
}
