package app.todo.adapter.out.persistence.jooq;

import app.todo.application.port.out.AdminClaims;
import app.todo.domain.user.Email;
import app.todo.domain.user.UserId;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;

import java.time.Instant;
import java.time.ZoneOffset;

import static app.todo.adapter.out.persistence.jooq.generated.Tables.ADMIN_CLAIMS;

/** Admin claims in SQL: the primary key on the address decides which of two racing claims is first. */
final class JooqAdminClaims implements AdminClaims {

    private final DSLContext dsl;

    JooqAdminClaims(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public boolean recordFirst(Email email, UserId user, Instant at) {
        // ON CONFLICT waits for a racing insert of the same address and then does nothing: the row count says
        // who was first, and the transaction stays usable.
        return StorageFailures.translated(() -> {
            try {
                return dsl.insertInto(ADMIN_CLAIMS)
                        .set(ADMIN_CLAIMS.EMAIL, email.value())
                        .set(ADMIN_CLAIMS.USER_ID, user.value())
                        .set(ADMIN_CLAIMS.CLAIMED_AT, at.atOffset(ZoneOffset.UTC))
                        .onConflict(ADMIN_CLAIMS.EMAIL).doNothing()
                        .execute() == 1;
            } catch (IntegrityConstraintViolationException e) {
                // H2 emulates ON CONFLICT with MERGE, which a concurrent insert can still beat.
                if (UniqueViolations.of(e, "admin_claims_pk")) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public boolean isClaimed(Email email) {
        return StorageFailures.translated(() -> dsl.fetchExists(ADMIN_CLAIMS, ADMIN_CLAIMS.EMAIL.eq(email.value())));
    }
}
