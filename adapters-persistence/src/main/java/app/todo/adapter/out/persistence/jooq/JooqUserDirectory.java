package app.todo.adapter.out.persistence.jooq;

import app.todo.application.port.out.Transactions;
import app.todo.application.port.out.UserDirectory;
import app.todo.domain.task.PageRequest;
import app.todo.domain.user.Role;
import app.todo.domain.user.UserChanges;
import app.todo.domain.user.UserId;
import app.todo.domain.user.UserPage;
import app.todo.domain.user.UserSummary;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static app.todo.adapter.out.persistence.jooq.generated.Tables.TASKS;
import static app.todo.adapter.out.persistence.jooq.generated.Tables.USERS;

public final class JooqUserDirectory implements UserDirectory {

    /**
     * Counted per listed user through the tasks index that leads with user_id: a page costs one index
     * range per user, never a scan of all tasks.
     */
    private static final Field<Integer> TASK_COUNT = DSL.field(
            DSL.selectCount().from(TASKS).where(TASKS.USER_ID.eq(USERS.ID))).as("task_count");

    private final DSLContext dsl;
    private final Transactions transactions;

    public JooqUserDirectory(DSLContext dsl, Transactions transactions) {
        this.dsl = dsl;
        this.transactions = transactions;
    }

    @Override
    public UserPage list(PageRequest page) {
        return StorageFailures.translated(() -> {
            List<UserSummary> summaries = summaries(DSL.noCondition(), page.limit(), page.offset());
            return new UserPage(summaries, Math.max(dsl.fetchCount(USERS), summaries.size()));
        });
    }

    @Override
    public Optional<UserSummary> change(UserId id, UserChanges changes) {
        Map<Field<?>, Object> values = new HashMap<>();
        changes.role().map(Role::key).ifPresent(role -> values.put(USERS.ROLE, role));
        changes.disabled().ifPresent(disabled -> values.put(USERS.DISABLED, disabled));
        Condition thisUser = USERS.ID.eq(id.value());
        return transactions.inTransaction(() -> StorageFailures.translated(() -> {
            // One UPDATE of only the given columns: two admins changing different fields both keep theirs.
            if (!values.isEmpty() && dsl.update(USERS).set(values).where(thisUser).execute() == 0) {
                return Optional.<UserSummary>empty();
            }
            return summaries(thisUser, 1, 0).stream().findFirst();
        }));
    }

    /** Users oldest first, ties broken by id, so pages never overlap or skip anyone. */
    private List<UserSummary> summaries(Condition condition, int limit, long offset) {
        return dsl.select(USERS.asterisk(), TASK_COUNT)
                .from(USERS)
                .where(condition)
                .orderBy(USERS.CREATED_AT, USERS.ID)
                .limit(limit)
                .offset(offset)
                .fetch(row -> new UserSummary(JooqUserRepository.toUser(row), row.get(TASK_COUNT)));
    }
}
