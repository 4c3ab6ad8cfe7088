package app.todo.adapter.out.persistence.jooq;

import app.todo.application.port.out.ConcurrentUpdateException;
import app.todo.application.port.out.TaskRepository;
import app.todo.application.port.out.Transactions;
import app.todo.domain.task.Description;
import app.todo.domain.task.FeedEntry;
import app.todo.domain.task.FeedPage;
import app.todo.domain.task.NewTask;
import app.todo.domain.task.PageRequest;
import app.todo.domain.task.Priority;
import app.todo.domain.task.Tag;
import app.todo.domain.task.Tags;
import app.todo.domain.task.Task;
import app.todo.domain.task.TaskFilter;
import app.todo.domain.task.TaskId;
import app.todo.domain.task.TaskPage;
import app.todo.domain.task.TaskSort;
import app.todo.domain.task.Title;
import app.todo.domain.user.UserId;
import org.jooq.Condition;
import org.jooq.DataType;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep4;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SelectForUpdateStep;
import org.jooq.SQLDialect;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static app.todo.adapter.out.persistence.jooq.generated.Tables.TASKS;
import static app.todo.adapter.out.persistence.jooq.generated.Tables.TASK_TAGS;
import static app.todo.adapter.out.persistence.jooq.generated.Tables.TASK_TOMBSTONES;
import static app.todo.adapter.out.persistence.jooq.generated.Tables.USERS;

/**
 * Tasks in SQL. Every statement is scoped by owner. {@link #add} and {@link #update} write several
 * rows; they join the caller's transaction (see {@link JooqTransactions}) or open their own.
 *
 * <p>{@link #list} must agree with {@link TaskFilter#admits} and {@link TaskSort#comparator()}.
 */
public final class JooqTaskRepository implements TaskRepository {

    private static final Field<Integer> TOTAL = DSL.count().over().as("total");
    /** A task's tags, in the order given, read with the task itself: one round trip per page, not two. */
    private static final Field<String[]> TAGS = DSL.field(DSL.select(DSL.arrayAgg(TASK_TAGS.TAG).orderBy(TASK_TAGS.TAG_INDEX))
            .from(TASK_TAGS)
            .where(TASK_TAGS.TASK_ID.eq(TASKS.ID))).as("tags");
    private static final char LIKE_ESCAPE = '!';

    private final DSLContext dsl;
    private final JooqTransactions transactions;
    private final DatabaseTaskChangeSignals signals;
    private final Map<ListShape, RenderedList> renderedLists = new java.util.concurrent.ConcurrentHashMap<>();
    private final Field<?> titleSortKey;

    /**
     * @param transactions the transactions of {@code dsl}, joined by writes of several statements
     * @param signals      told of every committed write (the live stream)
     */
    JooqTaskRepository(DSLContext dsl, JooqTransactions transactions, DatabaseTaskChangeSignals signals) {
        this.dsl = dsl;
        this.transactions = transactions;
        this.signals = signals;
        // Code point order of the lower-cased title, like the comparator (docs/rules.md §4): UTF-8 byte order.
        // PostgreSQL has an index on this very expression; H2 compares strings by UTF-16 unit, so its key is
        // the title's UTF-8 bytes.
        this.titleSortKey = dsl.dialect().family() == SQLDialect.POSTGRES
                ? DSL.field("lower({0}) collate \"C\"", String.class, TASKS.TITLE)
                : DSL.lower(TASKS.TITLE).cast(SQLDataType.VARBINARY);
    }

    /**
     * PostgreSQL: the task and its tags in one statement, atomic without a transaction, so a create
     * outside one costs a single round trip instead of INSERT, INSERT and COMMIT.
     */
    private static final String INSERT_TASK_WITH_TAGS = """
            with p as (
              update users set task_change_position = task_change_position + 1 where id = {0}
              returning task_change_position
            ), t as (
              insert into tasks (user_id, title, description, completed, priority, due_date,
                                 created_at, updated_at, completed_at, version, change_position)
              select {0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, p.task_change_position from p
              returning id
            ), g as (
              insert into task_tags (task_id, user_id, tag, tag_index)
              select t.id, {0}, x.tag, cast(x.ord - 1 as smallint)
              from t, unnest({10}) with ordinality as x(tag, ord)
            )
            select id from t""";

    @Override
    public Task add(NewTask draft, Instant now) {
        if (dsl.dialect().family() == SQLDialect.POSTGRES) {
            return StorageFailures.translated(() -> {
                long id = dsl.resultQuery(INSERT_TASK_WITH_TAGS,
                                DSL.val(draft.owner().value(), TASKS.USER_ID),
                                DSL.val(draft.title().value(), TASKS.TITLE),
                                DSL.val(draft.description() == null ? null : draft.description().value(), TASKS.DESCRIPTION),
                                DSL.val(draft.completed(), TASKS.COMPLETED),
                                DSL.val(rank(draft.priority()), TASKS.PRIORITY),
                                DSL.val(draft.dueDate(), TASKS.DUE_DATE),
                                DSL.val(utc(now), TASKS.CREATED_AT),
                                DSL.val(utc(now), TASKS.UPDATED_AT),
                                DSL.val(draft.completed() ? utc(now) : null, TASKS.COMPLETED_AT),
                                DSL.val(Task.FIRST_VERSION, TASKS.VERSION),
                                DSL.val(draft.tags().asStrings().toArray(String[]::new), SQLDataType.VARCHAR.array()))
                        .fetchSingle()
                        .get(0, Long.class);
                transactions.afterCommit(() -> signals.committed(draft.owner().value()));
                return Task.created(new TaskId(id), draft, now);
            });
        }
        return transactions.inTransaction(() -> {
            long position = nextPosition(draft.owner());
            long id = dsl.insertInto(TASKS)
                    .set(TASKS.USER_ID, draft.owner().value())
                    .set(TASKS.TITLE, draft.title().value())
                    .set(TASKS.DESCRIPTION, draft.description() == null ? null : draft.description().value())
                    .set(TASKS.COMPLETED, draft.completed())
                    .set(TASKS.PRIORITY, rank(draft.priority()))
                    .set(TASKS.DUE_DATE, draft.dueDate())
                    .set(TASKS.CREATED_AT, utc(now))
                    .set(TASKS.UPDATED_AT, utc(now))
                    .set(TASKS.COMPLETED_AT, draft.completed() ? utc(now) : null)
                    .set(TASKS.VERSION, Task.FIRST_VERSION)
                    .set(TASKS.CHANGE_POSITION, position)
                    .returning(TASKS.ID)
                    .fetchOne(TASKS.ID);
            Task stored = Task.created(new TaskId(id), draft, now);
            insertTags(stored);
            return stored;
        });
    }

    @Override
    public Optional<Task> find(UserId owner, TaskId id) {
        return StorageFailures.translated(() -> selectOne(owner, id).fetchOptional().map(JooqTaskRepository::toTask));
    }

    @Override
    public Optional<Task> findForUpdate(UserId owner, TaskId id) {
        return StorageFailures.translated(() -> selectOne(owner, id).forUpdate().fetchOptional().map(JooqTaskRepository::toTask));
    }

    @Override
    public void update(Task task) {
        transactions.inTransaction(() -> {
            // One conditional write: the version check and the change cannot be separated by another writer.
            int updated = dsl.update(TASKS)
                    .set(TASKS.TITLE, task.title().value())
                    .set(TASKS.DESCRIPTION, descriptionText(task))
                    .set(TASKS.COMPLETED, task.completed())
                    .set(TASKS.PRIORITY, rank(task.priority()))
                    .set(TASKS.DUE_DATE, task.dueDate())
                    .set(TASKS.UPDATED_AT, utc(task.updatedAt()))
                    .set(TASKS.COMPLETED_AT, utc(task.completedAt()))
                    .set(TASKS.VERSION, task.version())
                    .where(TASKS.ID.eq(task.id().value()))
                    .and(TASKS.USER_ID.eq(task.owner().value()))
                    .and(TASKS.VERSION.eq(task.version() - 1))
                    .execute();
            if (updated == 0) {
                throw new ConcurrentUpdateException("task " + task.id() + " is not at version " + (task.version() - 1)
                        + " (changed or deleted meanwhile)");
            }
            // The task's row is locked now, the user's row after it: always in that order, so two writers of one
            // user never wait for each other in a circle.
            dsl.update(TASKS).set(TASKS.CHANGE_POSITION, nextPosition(task.owner()))
                    .where(TASKS.ID.eq(task.id().value())).execute();
            dsl.deleteFrom(TASK_TAGS).where(TASK_TAGS.TASK_ID.eq(task.id().value())).execute();
            insertTags(task);
            return null;
        });
    }

    @Override
    public boolean delete(UserId owner, TaskId id, Instant now) {
        // Tags go with the task (ON DELETE CASCADE); the tombstone stays for the changes feed.
        return transactions.inTransaction(() -> {
            if (dsl.deleteFrom(TASKS).where(TASKS.ID.eq(id.value())).and(TASKS.USER_ID.eq(owner.value())).execute() == 0) {
                return false;
            }
            long position = nextPosition(owner);
            dsl.insertInto(TASK_TOMBSTONES)
                    .set(TASK_TOMBSTONES.USER_ID, owner.value())
                    .set(TASK_TOMBSTONES.CHANGE_POSITION, position)
                    .set(TASK_TOMBSTONES.TASK_ID, id.value())
                    .set(TASK_TOMBSTONES.DELETED_AT, utc(now))
                    .execute();
            dropOldTombstones(owner, now.minus(TOMBSTONE_RETENTION));
            return true;
        });
    }

    /**
     * The owner's next feed position. Taking it locks the owner's row until the transaction ends, so positions
     * are handed out in commit order (docs/rules.md §4). Call inside a transaction, after any task row it locks.
     */
    private long nextPosition(UserId owner) {
        long position = dsl.update(USERS)
                .set(USERS.TASK_CHANGE_POSITION, USERS.TASK_CHANGE_POSITION.plus(1L))
                .where(USERS.ID.eq(owner.value()))
                .returning(USERS.TASK_CHANGE_POSITION)
                .fetchSingle()
                .get(USERS.TASK_CHANGE_POSITION);
        transactions.afterCommit(() -> signals.committed(owner.value()));
        return position;
    }

    @Override
    public long position(UserId owner) {
        return StorageFailures.translated(() -> dsl.select(USERS.TASK_CHANGE_POSITION).from(USERS)
                .where(USERS.ID.eq(owner.value())).fetchOptional(USERS.TASK_CHANGE_POSITION).orElse(0L));
    }

    /** Drops the owner's tombstones older than {@code horizon}, and remembers how far (so older readers get 410). */
    private void dropOldTombstones(UserId owner, Instant horizon) {
        Long dropped = dsl.select(DSL.max(TASK_TOMBSTONES.CHANGE_POSITION)).from(TASK_TOMBSTONES)
                .where(TASK_TOMBSTONES.USER_ID.eq(owner.value()))
                .and(TASK_TOMBSTONES.DELETED_AT.lt(utc(horizon)))
                .fetchOne(0, Long.class);
        if (dropped == null) {
            return;
        }
        dsl.deleteFrom(TASK_TOMBSTONES).where(TASK_TOMBSTONES.USER_ID.eq(owner.value()))
                .and(TASK_TOMBSTONES.CHANGE_POSITION.le(dropped)).execute();
        dsl.update(USERS).set(USERS.TASK_TOMBSTONES_DROPPED_THROUGH, DSL.greatest(USERS.TASK_TOMBSTONES_DROPPED_THROUGH,
                        DSL.val(dropped))).where(USERS.ID.eq(owner.value())).execute();
    }

    private static final Field<Long> POSITION = DSL.field(DSL.name("position"), SQLDataType.BIGINT);
    private static final Field<OffsetDateTime> DELETED_AT = DSL.field(DSL.name("deleted_at"),
            SQLDataType.TIMESTAMPWITHTIMEZONE);

    /**
     * Tasks and tombstones after {@code after} in one statement, so one snapshot: two statements could each miss
     * a change that committed between them. The dropped-through mark is read after it, so a drop that happened
     * before or during the read is seen.
     */
    @Override
    public Optional<FeedPage> changes(UserId owner, long after, int limit) {
        return StorageFailures.translated(() -> {
            var changedTasks = dsl.select(TASKS.ID, TASKS.USER_ID, TASKS.TITLE, TASKS.DESCRIPTION, TASKS.COMPLETED,
                            TASKS.PRIORITY, TASKS.DUE_DATE, TASKS.CREATED_AT, TASKS.UPDATED_AT, TASKS.COMPLETED_AT,
                            TASKS.VERSION, TAGS, TASKS.CHANGE_POSITION.as(POSITION),
                            DSL.castNull(SQLDataType.TIMESTAMPWITHTIMEZONE).as(DELETED_AT))
                    .from(TASKS)
                    .where(TASKS.USER_ID.eq(owner.value()))
                    .and(TASKS.CHANGE_POSITION.gt(after)); // every task has a position of 1 or more
            var tombstones = dsl.select(TASK_TOMBSTONES.TASK_ID, TASK_TOMBSTONES.USER_ID,
                            DSL.castNull(TASKS.TITLE.getDataType()), DSL.castNull(TASKS.DESCRIPTION.getDataType()),
                            DSL.castNull(SQLDataType.BOOLEAN), DSL.castNull(TASKS.PRIORITY.getDataType()),
                            DSL.castNull(SQLDataType.LOCALDATE), DSL.castNull(SQLDataType.TIMESTAMPWITHTIMEZONE),
                            DSL.castNull(SQLDataType.TIMESTAMPWITHTIMEZONE), DSL.castNull(SQLDataType.TIMESTAMPWITHTIMEZONE),
                            DSL.castNull(SQLDataType.BIGINT), DSL.castNull(SQLDataType.VARCHAR.array()),
                            TASK_TOMBSTONES.CHANGE_POSITION, TASK_TOMBSTONES.DELETED_AT)
                    .from(TASK_TOMBSTONES)
                    .where(TASK_TOMBSTONES.USER_ID.eq(owner.value()))
                    .and(TASK_TOMBSTONES.CHANGE_POSITION.gt(after));
            List<? extends Record> rows = changedTasks.unionAll(tombstones).orderBy(POSITION).limit(limit + 1).fetch();
            var marks = dsl.select(USERS.TASK_TOMBSTONES_DROPPED_THROUGH, USERS.TASK_CHANGE_POSITION).from(USERS)
                    .where(USERS.ID.eq(owner.value())).fetchOptional();
            long droppedThrough = marks.map(r -> r.value1()).orElse(0L);
            long latest = marks.map(r -> r.value2()).orElse(0L);
            // Behind the dropped tombstones, or ahead of any position handed out (another user's cursor, a forged
            // one): either way the reader's copy cannot be brought up to date from here.
            if (after > 0 && after < droppedThrough || after > latest) {
                return Optional.<FeedPage>empty();
            }
            List<FeedEntry> entries = new ArrayList<>();
            for (Record row : rows.subList(0, Math.min(limit, rows.size()))) {
                long position = row.get(POSITION);
                OffsetDateTime deletedAt = row.get(DELETED_AT);
                entries.add(deletedAt != null
                        ? new FeedEntry.Deleted(new TaskId(row.get(TASKS.ID)), instant(deletedAt), position)
                        : new FeedEntry.Changed(toTask(row), position));
            }
            return Optional.of(new FeedPage(entries, entries.isEmpty() ? after : entries.getLast().position(),
                    rows.size() > limit));
        });
    }

    @Override
    public TaskPage list(UserId owner, TaskFilter filter, TaskSort sort, PageRequest page) {
        return StorageFailures.translated(() -> {
            List<Record> rows = listQuery(owner, filter, sort, page).fetch();
            long total;
            if (!rows.isEmpty()) {
                total = rows.getFirst().get(TOTAL);
            } else if (page.offset() > 0) {
                // Past the end the window function has no row to ride on: count separately.
                total = dsl.fetchCount(TASKS, conditions(owner, filter));
            } else {
                total = 0;
            }
            return new TaskPage(toTasks(rows), total);
        });
    }

    /**
     * The page query with the filtered total alongside each row; visible to the plan tests. Its SQL is rendered
     * once per shape of filter and sort ({@link ListShape}) and then only bound: rendering jOOQ's query tree anew
     * was a sixth of a list request's CPU. The records are still jOOQ's, typed by the template's
     * fields and read through their bindings.
     */
    ResultQuery<Record> listQuery(UserId owner, TaskFilter filter, TaskSort sort, PageRequest page) {
        RenderedList rendered = renderedLists.computeIfAbsent(ListShape.of(filter, sort), this::render);
        ListValues values = new ListValues(owner, filter, page);
        return dsl.resultQuery(rendered.sql(), rendered.parameters().stream().map(values::of).toArray())
                .coerce(rendered.fields());
    }

    /** What decides the list statement's text: which filters are present, the status, the sort. */
    private record ListShape(app.todo.domain.task.TaskStatus status, boolean priority, boolean tag, boolean text,
                             boolean dueBefore, boolean dueAfter, TaskSort sort) {
        static ListShape of(TaskFilter filter, TaskSort sort) {
            return new ListShape(filter.status(), filter.priority() != null, filter.tag() != null,
                    filter.text() != null, filter.dueBefore() != null, filter.dueAfter() != null, sort);
        }
    }

    /** The list's bind parameters, named in the template by their lower-case names. */
    private enum ListParameter {
        OWNER, PRIORITY, TAG, PATTERN, DUE_BEFORE, DUE_AFTER, LIMIT, OFFSET;

        static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile(
                Arrays.stream(values()).map(ListParameter::parameterName)
                        .collect(java.util.stream.Collectors.joining("|", ":(", ")\\b")));

        String parameterName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One request's value of each list parameter: bound into the rendered list, inlined into its count. */
    private record ListValues(UserId owner, TaskFilter filter, PageRequest page) {
        Object of(ListParameter parameter) {
            return switch (parameter) {
                case OWNER -> owner.value();
                case PRIORITY -> rank(filter.priority());
                case TAG -> filter.tag().value();
                case PATTERN -> "%" + escapeLike(filter.text()) + "%";
                case DUE_BEFORE -> filter.dueBefore();
                case DUE_AFTER -> filter.dueAfter();
                case LIMIT -> page.limit();
                case OFFSET -> page.offset();
            };
        }
    }

    /** @param parameters the bind parameter of each {@code ?} of {@code sql}, in order */
    private record RenderedList(String sql, List<ListParameter> parameters, Field<?>[] fields) {
    }

    private RenderedList render(ListShape shape) {
        TaskFilter template = new TaskFilter(shape.status(), shape.priority() ? Priority.MEDIUM : null,
                shape.tag() ? new Tag("template") : null, shape.text() ? "template" : null,
                shape.dueBefore() ? java.time.LocalDate.EPOCH : null, shape.dueAfter() ? java.time.LocalDate.EPOCH : null);
        var query = dsl.select(TASKS.fields())
                .select(TAGS, TOTAL)
                .from(TASKS)
                .where(conditions(template, new Fields() {
                    @Override
                    public <T> Field<T> of(ListParameter parameter, DataType<T> type) {
                        return DSL.param(parameter.parameterName(), type);
                    }
                }))
                .orderBy(order(shape.sort()))
                .limit(DSL.param(ListParameter.LIMIT.parameterName(), SQLDataType.INTEGER))
                .offset(DSL.param(ListParameter.OFFSET.parameterName(), SQLDataType.BIGINT));
        // The named rendering says which parameter each placeholder of the indexed one is.
        String named = dsl.renderNamedParams(query);
        java.util.regex.Matcher placeholders = ListParameter.PLACEHOLDER.matcher(named);
        List<ListParameter> order = new ArrayList<>();
        while (placeholders.find()) {
            order.add(ListParameter.valueOf(placeholders.group(1).toUpperCase(java.util.Locale.ROOT)));
        }
        String sql = dsl.render(query);
        if (order.size() != sql.chars().filter(c -> c == '?').count()) {
            throw new IllegalStateException("the list statement's parameters could not be matched: " + named);
        }
        return new RenderedList(sql, List.copyOf(order), query.getSelect().toArray(Field<?>[]::new));
    }

    /** Where a condition's values come from: named parameters for the template, a request's values otherwise. */
    private interface Fields {
        <T> Field<T> of(ListParameter parameter, DataType<T> type);
    }

    private List<Condition> conditions(UserId owner, TaskFilter filter) {
        ListValues values = new ListValues(owner, filter, null);
        return conditions(filter, new Fields() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> Field<T> of(ListParameter parameter, DataType<T> type) {
                return DSL.val((T) values.of(parameter), type);
            }
        });
    }

    /** The filter's conditions, the owner's first, their values from {@code fields}. */
    private List<Condition> conditions(TaskFilter filter, Fields fields) {
        List<Condition> conditions = new ArrayList<>();
        Field<String> owner = fields.of(ListParameter.OWNER, SQLDataType.VARCHAR);
        conditions.add(TASKS.USER_ID.eq(owner));
        switch (filter.status()) {
            case ALL -> { }
            case PENDING -> conditions.add(TASKS.COMPLETED.isFalse());
            case COMPLETED -> conditions.add(TASKS.COMPLETED.isTrue());
        }
        if (filter.priority() != null) {
            conditions.add(TASKS.PRIORITY.eq(fields.of(ListParameter.PRIORITY, SQLDataType.SMALLINT)));
        }
        if (filter.tag() != null) {
            conditions.add(TASKS.ID.in(DSL.select(TASK_TAGS.TASK_ID)
                    .from(TASK_TAGS)
                    .where(TASK_TAGS.USER_ID.eq(owner))
                    .and(TASK_TAGS.TAG.eq(fields.of(ListParameter.TAG, SQLDataType.VARCHAR)))));
        }
        if (filter.text() != null) {
            // Both sides lower-cased by the database: Java's and PostgreSQL's lower() differ on a few
            // letters (İ, ẞ), and a needle lowered by one never matches a haystack lowered by the other.
            Field<String> pattern = DSL.lower(fields.of(ListParameter.PATTERN, SQLDataType.VARCHAR));
            conditions.add(DSL.lower(TASKS.TITLE).like(pattern, LIKE_ESCAPE)
                    .or(DSL.lower(TASKS.DESCRIPTION).like(pattern, LIKE_ESCAPE)));
        }
        if (filter.dueBefore() != null) {
            conditions.add(TASKS.DUE_DATE.lt(fields.of(ListParameter.DUE_BEFORE, SQLDataType.LOCALDATE)));
        }
        if (filter.dueAfter() != null) {
            conditions.add(TASKS.DUE_DATE.gt(fields.of(ListParameter.DUE_AFTER, SQLDataType.LOCALDATE)));
        }
        return conditions;
    }

    /** Key, then id in the same direction; undated tasks last whichever the direction. */
    private List<SortField<?>> order(TaskSort sort) {
        boolean ascending = sort.direction() == TaskSort.Direction.ASC;
        Field<?> key = switch (sort.key()) {
            case CREATED -> TASKS.CREATED_AT;
            case UPDATED -> TASKS.UPDATED_AT;
            case TITLE -> titleSortKey;
            case PRIORITY -> TASKS.PRIORITY;
            case DUE_DATE -> TASKS.DUE_DATE;
        };
        SortField<?> byKey = ascending ? key.asc() : key.desc();
        if (sort.key() == TaskSort.Key.DUE_DATE) {
            byKey = byKey.nullsLast();
        }
        return List.of(byKey, ascending ? TASKS.ID.asc() : TASKS.ID.desc());
    }

    private SelectForUpdateStep<Record> selectOne(UserId owner, TaskId id) {
        return dsl.select(TASKS.fields())
                .select(TAGS)
                .from(TASKS)
                .where(TASKS.ID.eq(id.value()))
                .and(TASKS.USER_ID.eq(owner.value()));
    }

    private static List<Task> toTasks(List<Record> rows) {
        return rows.stream().map(JooqTaskRepository::toTask).toList();
    }

    private void insertTags(Task task) {
        List<Tag> tags = task.tags().values();
        if (tags.isEmpty()) {
            return;
        }
        InsertValuesStep4<?, Long, String, String, Short> insert = dsl.insertInto(TASK_TAGS,
                TASK_TAGS.TASK_ID, TASK_TAGS.USER_ID, TASK_TAGS.TAG, TASK_TAGS.TAG_INDEX);
        for (int i = 0; i < tags.size(); i++) {
            insert = insert.values(task.id().value(), task.owner().value(), tags.get(i).value(), (short) i);
        }
        insert.execute();
    }

    private static Task toTask(Record row) {
        String description = row.get(TASKS.DESCRIPTION);
        String[] tags = row.get(TAGS);
        return new Task(
                new TaskId(row.get(TASKS.ID)),
                new UserId(row.get(TASKS.USER_ID)),
                new Title(row.get(TASKS.TITLE)),
                description == null ? null : new Description(description),
                row.get(TASKS.COMPLETED),
                Priority.fromRank(row.get(TASKS.PRIORITY)),
                row.get(TASKS.DUE_DATE),
                tags == null ? Tags.NONE : new Tags(Arrays.stream(tags).map(Tag::new).toList()),
                instant(row.get(TASKS.CREATED_AT)),
                instant(row.get(TASKS.UPDATED_AT)),
                instant(row.get(TASKS.COMPLETED_AT)),
                row.get(TASKS.VERSION));
    }

    /** Makes {@code %}, {@code _} and the escape character itself match literally. */
    private static String escapeLike(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == LIKE_ESCAPE || c == '%' || c == '_') {
                escaped.append(LIKE_ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static String descriptionText(Task task) {
        return task.description() == null ? null : task.description().value();
    }

    private static short rank(Priority priority) {
        return (short) priority.rank();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
