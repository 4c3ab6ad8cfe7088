package app.todo.adapter.out.persistence.jooq;

import app.todo.application.port.out.UserRepository;
import app.todo.domain.user.Email;
import app.todo.domain.user.IdentitySource;
import app.todo.domain.user.Role;
import app.todo.domain.user.User;
import app.todo.domain.user.UserId;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.IntegrityConstraintViolationException;

import java.time.ZoneOffset;
import java.util.Optional;

import static app.todo.adapter.out.persistence.jooq.generated.Tables.USERS;

public final class JooqUserRepository implements UserRepository {

    private final DSLContext dsl;

    public JooqUserRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Optional<User> find(UserId id) {
        return StorageFailures.translated(() -> dsl.selectFrom(USERS)
                .where(USERS.ID.eq(id.value()))
                .fetchOptional()
                .map(JooqUserRepository::toUser));
    }

    @Override
    public User addIfAbsent(User user) {
        return StorageFailures.translated(() -> {
            try {
                // ON CONFLICT waits for a racing insert of the same id to commit, so the read below sees it.
                dsl.insertInto(USERS)
                        .set(USERS.ID, user.id().value())
                        .set(USERS.EMAIL, user.emailAddress().map(Email::value).orElse(null))
                        .set(USERS.NAME, user.name())
                        .set(USERS.ROLE, user.role().key())
                        .set(USERS.DISABLED, user.disabled())
                        .set(USERS.CREATED_AT, user.createdAt().atOffset(ZoneOffset.UTC))
                        .set(USERS.ORIGIN, user.origin().key())
                        .onConflict(USERS.ID).doNothing()
                        .execute();
            } catch (IntegrityConstraintViolationException racedOnH2) {
                // H2 gets ON CONFLICT as a MERGE, which a racing insert can still beat: the winner's row is there.
            }
            return find(user.id()).orElseThrow(() -> new IllegalStateException("user " + user.id() + " vanished"));
        });
    }

    /** A users row as the domain's User; the directory maps its rows with it too. */
    static User toUser(Record row) {
        String email = row.get(USERS.EMAIL);
        return new User(new UserId(row.get(USERS.ID)), email == null ? null : new Email(email), row.get(USERS.NAME),
                Role.fromKey("role", row.get(USERS.ROLE)), row.get(USERS.DISABLED),
                row.get(USERS.CREATED_AT).toInstant(), IdentitySource.Origin.fromKey(row.get(USERS.ORIGIN)));
    }
}
