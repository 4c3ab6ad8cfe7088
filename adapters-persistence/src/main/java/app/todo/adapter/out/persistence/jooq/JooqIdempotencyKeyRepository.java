package app.todo.adapter.out.persistence.jooq;

import app.todo.application.port.out.IdempotencyKeyRepository;
import app.todo.domain.user.UserId;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static app.todo.adapter.out.persistence.jooq.generated.Tables.IDEMPOTENCY_KEYS;

/**
 * Idempotency keys in their table. A claim inserts the key's row at once: PostgreSQL makes a second insert of the
 * same key wait until the first transaction ends, then finds its row (committed, with the answer) or inserts its
 * own (the first rolled back). H2 refuses the second insert instead: that is the key in flight.
 */
final class JooqIdempotencyKeyRepository implements IdempotencyKeyRepository {

    private final DSLContext dsl;

    JooqIdempotencyKeyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Optional<KeyUse> claim(UserId owner, String key, String fingerprint, Instant now, Instant expiredBefore) {
        return StorageFailures.translated(() -> {
            // Every expired key of this user goes, not only this one: the table never keeps more than a day.
            dsl.deleteFrom(IDEMPOTENCY_KEYS).where(IDEMPOTENCY_KEYS.USER_ID.eq(owner.value()))
                    .and(IDEMPOTENCY_KEYS.CREATED_AT.lt(expiredBefore.atOffset(ZoneOffset.UTC))).execute();
            int inserted;
            try {
                inserted = dsl.insertInto(IDEMPOTENCY_KEYS)
                        .set(IDEMPOTENCY_KEYS.USER_ID, owner.value())
                        .set(IDEMPOTENCY_KEYS.IDEMPOTENCY_KEY, key)
                        .set(IDEMPOTENCY_KEYS.FINGERPRINT, fingerprint)
                        .set(IDEMPOTENCY_KEYS.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                        .onConflictDoNothing()
                        .execute();
            } catch (org.jooq.exception.DataAccessException e) {
                if (!UniqueViolations.of(e, "idempotency_keys_pk")) {
                    throw e;
                }
                inserted = 0;
            }
            if (inserted == 1) {
                return Optional.<KeyUse>empty();
            }
            Record row = dsl.selectFrom(IDEMPOTENCY_KEYS).where(IDEMPOTENCY_KEYS.USER_ID.eq(owner.value()))
                    .and(IDEMPOTENCY_KEYS.IDEMPOTENCY_KEY.eq(key)).fetchOne();
            if (row == null || row.get(IDEMPOTENCY_KEYS.STATUS) == null) {
                return Optional.of(new KeyUse(row == null ? fingerprint : row.get(IDEMPOTENCY_KEYS.FINGERPRINT), null));
            }
            return Optional.of(new KeyUse(row.get(IDEMPOTENCY_KEYS.FINGERPRINT), new StoredAnswer(
                    row.get(IDEMPOTENCY_KEYS.STATUS), row.get(IDEMPOTENCY_KEYS.BODY), row.get(IDEMPOTENCY_KEYS.LOCATION),
                    row.get(IDEMPOTENCY_KEYS.ETAG))));
        });
    }

    @Override
    public void record(UserId owner, String key, StoredAnswer answer) {
        StorageFailures.translated(() -> dsl.update(IDEMPOTENCY_KEYS)
                .set(IDEMPOTENCY_KEYS.STATUS, (short) answer.status())
                .set(IDEMPOTENCY_KEYS.BODY, answer.body())
                .set(IDEMPOTENCY_KEYS.LOCATION, answer.location())
                .set(IDEMPOTENCY_KEYS.ETAG, answer.etag())
                .where(IDEMPOTENCY_KEYS.USER_ID.eq(owner.value()))
                .and(IDEMPOTENCY_KEYS.IDEMPOTENCY_KEY.eq(key))
                .execute());
    }
}
