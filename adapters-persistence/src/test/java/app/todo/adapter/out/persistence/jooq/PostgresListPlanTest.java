package app.todo.adapter.out.persistence.jooq;

import app.todo.adapter.out.persistence.testing.TestPostgres;
import app.todo.domain.task.PageRequest;
import app.todo.domain.task.TaskFilter;
import app.todo.domain.task.TaskSort;
import app.todo.domain.task.TaskStatus;
import app.todo.domain.user.UserId;
import org.jooq.DSLContext;
import org.jooq.ResultQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With realistic volume the list queries of one user must come from an index, never from reading
 * every user's tasks. Runs on a database of its own so that its statistics are predictable.
 */
class PostgresListPlanTest {

    private static final int USERS = 400;
    private static final int TASKS = 40_000;
    private static final UserId ONE_USER = new UserId("plan-user-7");
    private static final PageRequest FIRST_20 = new PageRequest(20, 0);

    private static JooqDatabase database;
    private static JooqTaskRepository repository;

    @BeforeAll
    static void fillDatabase() {
        database = JooqDatabase.connect(TestPostgres.newDatabase(2));
        repository = (JooqTaskRepository) database.taskRepository();
        DSLContext dsl = database.dsl();
        // Set-based inserts: 40k rows in well under a second, instead of 40k round trips.
        dsl.execute("insert into users (id, role, disabled, created_at) "
                + "select 'plan-user-' || u, 'user', false, timestamptz '2026-01-01 00:00:00Z' "
                + "from generate_series(0, ?) u", USERS - 1);
        dsl.execute("insert into tasks (user_id, title, description, completed, priority, due_date, "
                + "created_at, updated_at, completed_at, version) "
                + "select 'plan-user-' || (g % ?), 'task ' || g, null, g % 3 = 0, 1 + g % 3, "
                + "case when g % 4 = 0 then null else date '2026-01-01' + (g % 365) end, "
                + "timestamptz '2026-01-01 00:00:00Z' + g * interval '1 second', "
                + "timestamptz '2026-01-01 00:00:00Z' + g * interval '1 second', "
                + "case when g % 3 = 0 then timestamptz '2026-02-01 00:00:00Z' end, 1 "
                + "from generate_series(1, ?) g", USERS, TASKS);
        dsl.execute("insert into task_tags (task_id, user_id, tag, tag_index) "
                + "select id, user_id, 'tag' || (id % 5), 0 from tasks");
        dsl.execute("analyze");
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void theDataIsThere() {
        assertEquals(TASKS / USERS, repository.list(ONE_USER, TaskFilter.EVERYTHING, TaskSort.NEWEST_FIRST,
                FIRST_20).total());
    }

    @Test
    void theDefaultListOfOneUserUsesAnIndex() {
        assertUsesAnIndex(TaskFilter.EVERYTHING, TaskSort.NEWEST_FIRST);
    }

    @Test
    void theStatusFilterUsesAnIndex() {
        assertUsesAnIndex(new TaskFilter(TaskStatus.PENDING, null, null, null, null, null), TaskSort.NEWEST_FIRST);
    }

    @Test
    void theDueDateOrderUsesAnIndexInBothDirections() {
        assertUsesAnIndex(TaskFilter.EVERYTHING, new TaskSort(TaskSort.Key.DUE_DATE, TaskSort.Direction.ASC));
        assertUsesAnIndex(TaskFilter.EVERYTHING, new TaskSort(TaskSort.Key.DUE_DATE, TaskSort.Direction.DESC));
    }

    @Test
    void everyOtherOrderAndTheTagFilterUseIndexesToo() {
        for (TaskSort.Key key : TaskSort.Key.values()) {
            assertUsesAnIndex(TaskFilter.EVERYTHING, new TaskSort(key, key.naturalDirection()));
        }
        assertUsesAnIndex(new TaskFilter(TaskStatus.ALL, null, new app.todo.domain.task.Tag("tag3"), null, null,
                null), TaskSort.NEWEST_FIRST);
    }

    @Test
    void theServiceConnectionsPlanPreparedStatementsOnce() {
        assertEquals("force_generic_plan", database.dsl().fetchValue("show plan_cache_mode"));
    }

    /** Both plans: the one for these very values, and the generic one every later execution reuses. */
    private static void assertUsesAnIndex(TaskFilter filter, TaskSort sort) {
        ResultQuery<?> query = repository.listQuery(ONE_USER, filter, sort, FIRST_20);
        assertPlanUsesAnIndex(filter, sort, explain("explain " + database.dsl().renderInlined(query)));
        assertPlanUsesAnIndex(filter, sort, genericPlan(query));
    }

    /** The plan of {@code query} prepared with {@code $n} parameters, as a pooled connection executes it. */
    private static String genericPlan(ResultQuery<?> query) {
        StringBuilder numbered = new StringBuilder();
        int parameter = 0;
        for (char c : query.getSQL().toCharArray()) {
            if (c == '?') {
                numbered.append('$').append(++parameter);
            } else {
                numbered.append(c);
            }
        }
        String values = query.getBindValues().stream()
                .map(value -> database.dsl().renderInlined(org.jooq.impl.DSL.inline(value)))
                .collect(Collectors.joining(", "));
        return database.dsl().transactionResult(transaction -> {
            DSLContext dsl = transaction.dsl();
            dsl.execute("prepare plan_check as " + numbered);
            String plan = explain(dsl, "explain execute plan_check(" + values + ")");
            dsl.execute("deallocate plan_check");
            // A custom plan shows the values; the generic one the parameters.
            assertTrue(plan.contains("$1"), () -> "not the generic plan:\n" + plan);
            return plan;
        });
    }

    private static String explain(String statement) {
        return explain(database.dsl(), statement);
    }

    private static String explain(DSLContext dsl, String statement) {
        return dsl.fetch(statement).stream()
                .map(row -> String.valueOf(row.get(0)))
                .collect(Collectors.joining("\n"));
    }

    private static void assertPlanUsesAnIndex(TaskFilter filter, TaskSort sort, String plan) {
        assertFalse(plan.contains("Seq Scan on tasks"), () -> sort + " / " + filter + " reads every task:\n" + plan);
        assertTrue(plan.contains("Index Scan") || plan.contains("Index Only Scan") || plan.contains("Bitmap Index Scan"),
                () -> sort + " / " + filter + " uses no index:\n" + plan);
    }
}
