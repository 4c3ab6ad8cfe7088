package app.todo.adapter.out.persistence.jooq;

import app.todo.domain.account.SigningKey;
import app.todo.application.port.out.SigningKeyRepository;
import app.todo.adapter.out.persistence.jooq.generated.tables.records.SigningKeysRecord;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static app.todo.adapter.out.persistence.jooq.generated.Tables.SIGNING_KEYS;

/**
 * Signing keys in the {@code signing_keys} table: the current key holds the one {@code 'current'} slot
 * (a unique constraint, so two instances cannot both make one current), retired keys have none and a
 * {@code retired_at}. Private halves are kept as {@link PrivateKeyEncryption} says, and wiped when a key
 * retires; a current key stored in plain text while a secret is configured reads as one that cannot sign,
 * so the ring replaces it.
 */
public final class JooqSigningKeyRepository implements SigningKeyRepository {

    private static final String CURRENT = "current";

    private final DSLContext dsl;
    private final JooqTransactions transactions;
    private final PrivateKeyEncryption encryption;

    JooqSigningKeyRepository(DSLContext dsl, JooqTransactions transactions, PrivateKeyEncryption encryption) {
        this.dsl = dsl;
        this.transactions = transactions;
        this.encryption = Objects.requireNonNull(encryption, "encryption");
    }

    @Override
    public List<SigningKey> all() {
        return StorageFailures.translated(() -> dsl.selectFrom(SIGNING_KEYS)
                .orderBy(SIGNING_KEYS.SLOT.isNull(), SIGNING_KEYS.CREATED_AT.desc(), SIGNING_KEYS.KID)
                .fetch(this::toKey));
    }

    private SigningKey toKey(SigningKeysRecord row) {
        Instant retiredAt = row.getRetiredAt() == null ? null : row.getRetiredAt().toInstant();
        byte[] publicKey = Base64.getDecoder().decode(row.getPublicKey());
        // Retired keys only verify: their private halves are never opened. A key kept in plain text while a
        // secret is configured is not sealed but replaced: its plain half may sit in any backup taken before
        // AUTH_SECRET was set, and would sign valid tokens for as long as it stayed current.
        byte[] privateKey = retiredAt != null
                || (encryption.encrypts() && !PrivateKeyEncryption.isSealed(row.getPrivateKey()))
                ? null : encryption.open(row.getKid(), row.getPrivateKey()).orElse(null);
        return new SigningKey(row.getKid(), privateKey, publicKey, row.getCreatedAt().toInstant(), retiredAt);
    }

    @Override
    public boolean rotate(Optional<String> expectedCurrentKid, SigningKey fresh) {
        try {
            return StorageFailures.translated(() -> transactions.inTransaction(() -> {
                if (expectedCurrentKid.isPresent()) {
                    // Under READ COMMITTED a racing UPDATE waits for this one's commit, then finds the slot empty.
                    int retired = dsl.update(SIGNING_KEYS)
                            .setNull(SIGNING_KEYS.SLOT)
                            .set(SIGNING_KEYS.PRIVATE_KEY, "") // a retired key only verifies: its private half goes
                            .set(SIGNING_KEYS.RETIRED_AT, fresh.createdAt().atOffset(ZoneOffset.UTC))
                            .where(SIGNING_KEYS.KID.eq(expectedCurrentKid.get()).and(SIGNING_KEYS.SLOT.eq(CURRENT)))
                            .execute();
                    if (retired == 0) {
                        return false;
                    }
                }
                int stored = dsl.insertInto(SIGNING_KEYS)
                        .set(SIGNING_KEYS.KID, fresh.kid())
                        .set(SIGNING_KEYS.SLOT, CURRENT)
                        .set(SIGNING_KEYS.PRIVATE_KEY, encryption.seal(fresh.kid(), fresh.privateKey()))
                        .set(SIGNING_KEYS.PUBLIC_KEY, Base64.getEncoder().encodeToString(fresh.publicKey()))
                        .set(SIGNING_KEYS.CREATED_AT, fresh.createdAt().atOffset(ZoneOffset.UTC))
                        .onConflict(SIGNING_KEYS.SLOT).doNothing()
                        .execute();
                if (stored == 0) {
                    throw new LostRace();
                }
                return true;
            }));
        } catch (LostRace e) {
            return false;
        } catch (DataAccessException e) {
            // H2 emulates ON CONFLICT with MERGE, and reports a concurrent row change, which a racing instance can cause.
            if (UniqueViolations.of(e, "signing_keys_slot_uk") || isConcurrentUpdate(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public int deleteRetiredBefore(Instant cutoff) {
        return StorageFailures.translated(() -> dsl.deleteFrom(SIGNING_KEYS)
                .where(SIGNING_KEYS.SLOT.isNull().and(SIGNING_KEYS.RETIRED_AT.lt(cutoff.atOffset(ZoneOffset.UTC))))
                .execute());
    }

    private static boolean isConcurrentUpdate(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && ("90131".equals(sql.getSQLState()) || "HYT00".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** Rolls the retirement back when another instance filled the slot first. */
    private static final class LostRace extends RuntimeException {
        LostRace() {
            super(null, null, false, false);
        }
    }
}
