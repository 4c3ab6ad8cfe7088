package app.todo.adapter.persistence.jooq;

import app.todo.application.port.out.SigningKey;
import app.todo.application.port.out.SigningKeyRepository;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;

import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

import static app.todo.adapter.persistence.jooq.generated.Tables.SIGNING_KEYS;

public final class JooqSigningKeyRepository implements SigningKeyRepository {

    private static final String CURRENT = "current";
    private static final Base64.Decoder BASE64 = Base64.getDecoder();

    private final DSLContext dsl;

    public JooqSigningKeyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public SigningKey current(Supplier<SigningKey> generate) {
        return StorageFailures.translated(() -> stored().orElseGet(() -> {
            store(generate.get());
            // Ours, or the one another instance stored first: the slot holds exactly one.
            return stored().orElseThrow(() -> new IllegalStateException("no current signing key after storing one"));
        }));
    }

    private Optional<SigningKey> stored() {
        return dsl.selectFrom(SIGNING_KEYS)
                .where(SIGNING_KEYS.SLOT.eq(CURRENT))
                .fetchOptional()
                .map(row -> new SigningKey(row.getKid(), BASE64.decode(row.getPrivateKey()),
                        BASE64.decode(row.getPublicKey()), row.getCreatedAt().toInstant()));
    }

    private void store(SigningKey key) {
        try {
            dsl.insertInto(SIGNING_KEYS)
                    .set(SIGNING_KEYS.KID, key.kid())
                    .set(SIGNING_KEYS.SLOT, CURRENT)
                    .set(SIGNING_KEYS.PRIVATE_KEY, Base64.getEncoder().encodeToString(key.privateKey()))
                    .set(SIGNING_KEYS.PUBLIC_KEY, Base64.getEncoder().encodeToString(key.publicKey()))
                    .set(SIGNING_KEYS.CREATED_AT, key.createdAt().atOffset(ZoneOffset.UTC))
                    .onConflict(SIGNING_KEYS.SLOT).doNothing()
                    .execute();
        } catch (IntegrityConstraintViolationException e) {
            // H2 emulates ON CONFLICT with MERGE, which a concurrent insert can still beat.
            if (!UniqueViolations.of(e, "signing_keys_slot_uk")) {
                throw e;
            }
        }
    }
}
