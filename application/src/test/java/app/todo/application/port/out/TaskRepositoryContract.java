package app.todo.application.port.out;

import app.todo.domain.task.Change;
import app.todo.domain.task.Description;
import app.todo.domain.task.FeedEntry;
import app.todo.domain.task.FeedPage;
import app.todo.domain.task.NewTask;
import app.todo.domain.task.PageRequest;
import app.todo.domain.task.Priority;
import app.todo.domain.task.Tag;
import app.todo.domain.task.Tags;
import app.todo.domain.task.Task;
import app.todo.domain.task.TaskChanges;
import app.todo.domain.task.TaskFilter;
import app.todo.domain.task.TaskId;
import app.todo.domain.task.TaskPage;
import app.todo.domain.task.TaskSort;
import app.todo.domain.task.TaskStatus;
import app.todo.domain.task.Title;
import app.todo.domain.user.Role;
import app.todo.domain.user.User;
import app.todo.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link TaskRepository} must do. Lists are checked against the domain's reference
 * meaning ({@link TaskFilter#admits}, {@link TaskSort#comparator()}) and against hand-written
 * expectations, so neither can drift alone.
 */
public abstract class TaskRepositoryContract {

    private static final Instant START = Instant.parse("2026-05-01T08:00:00.000001Z");
    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);

    private TaskRepository tasks;
    private UserRepository users;
    private Transactions transactions;
    private Instant clock = START;
    private UserId owner;
    private UserId stranger;

    /** A store to run one test against; it may hold data of other tests. */
    protected abstract ContractStore newStore();

    @BeforeEach
    void openStore() {
        ContractStore store = newStore();
        tasks = store.tasks();
        users = store.users();
        transactions = store.transactions();
        owner = newUser();
        stranger = newUser();
    }

    // --- add and find -------------------------------------------------------------------------

    @Test
    void aNewTaskGetsAnIdAndVersionOneAndReadsBackEqual() {
        Instant now = tick();
        NewTask draft = new NewTask(owner, new Title("Buy milk"), new Description("2 litres"), false, Priority.HIGH,
                DAY, Tags.of(List.of("home", "errands")));

        Task added = inTransaction(() -> tasks.add(draft, now));

        assertEquals(Task.FIRST_VERSION, added.version());
        assertEquals(Task.created(added.id(), draft, now), added);
        assertEquals(Optional.of(added), tasks.find(owner, added.id()));
    }

    @Test
    void aTaskCreatedCompletedKeepsItsCompletionTimeAndOptionalFieldsMayBeEmpty() {
        Task added = add(draft(owner, "Done already").completed(true).description(null).due(null));

        Task found = tasks.find(owner, added.id()).orElseThrow();

        assertEquals(added, found);
        assertEquals(added.createdAt(), found.completedAt());
        assertEquals(null, found.description());
        assertEquals(null, found.dueDate());
        assertEquals(Tags.NONE, found.tags());
    }

    @Test
    void everyNewTaskGetsItsOwnId() {
        Task first = add(draft(owner, "one"));
        Task second = add(draft(owner, "two"));

        assertTrue(first.id().value() != second.id().value());
    }

    @Test
    void unicodeTextRoundTripsAtTheDomainsLimits() {
        String fox = "🦊";
        Task added = add(draft(owner, fox.repeat(Title.MAX_LENGTH))
                .description("é".repeat(10) + fox.repeat(Description.MAX_LENGTH - 10))
                .tags(fox.repeat(Tag.MAX_LENGTH), "ünï", "日本"));

        Task found = tasks.find(owner, added.id()).orElseThrow();

        assertEquals(added, found);
        assertEquals(Title.MAX_LENGTH, found.title().value().codePointCount(0, found.title().value().length()));
    }

    /**
     * Text the domain accepts comes back byte for byte from every store, and finds itself by search
     * (docs/rules.md §3: what a 2xx acknowledged is what a later GET returns).
     */
    @Test
    void everyTextTheDomainAcceptsRoundTripsExactlyAndIsFoundBySearch() {
        List<String> texts = List.of("e\u0301 combining acute", "👩‍👩‍👧 family (ZWJ)", "עברית \u202Bbidi\u202C",
                "\uFFFD replacement \uFFFF nonchar", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 astral", "quote ' and \" and \\", "ﬃ ligature İ dotted");
        for (String text : texts) {
            Task added = add(draft(owner, text).description("line one\n\tline two\r\n" + text).tags(text.strip().split(" ")[0]));
            Task found = tasks.find(owner, added.id()).orElseThrow();
            assertEquals(added, found, text);
            assertEquals(text, found.title().value());
            assertTrue(ids(list(text(text), oldestFirst())).contains(added.id()), () -> "search for " + text);
        }
    }

    /** The inputs reported to give a 500 or a silently changed value never get as far as a store. */
    @Test
    void textNoStoreCanHoldExactlyIsRefusedBeforeAnyStoreSeesIt() {
        for (String bad : List.of("a\u0000b", "x\ud800y", "x\udc00y", "bell\u0007")) {
            assertThrows(app.todo.domain.shared.InvalidValueException.class, () -> new Title(bad), bad);
            assertThrows(app.todo.domain.shared.InvalidValueException.class, () -> new Tag(bad), bad);
            assertThrows(app.todo.domain.shared.InvalidValueException.class, () -> text(bad), bad);
        }
    }

    @Test
    void anUnknownIdIsAbsent() {
        add(draft(owner, "exists"));

        assertEquals(Optional.empty(), tasks.find(owner, new TaskId(Long.MAX_VALUE - 7)));
    }

    // --- owner scoping ------------------------------------------------------------------------

    @Test
    void anotherOwnersTaskIsAbsentEvenForUpdate() {
        Task theirs = add(draft(stranger, "private"));

        assertEquals(Optional.empty(), tasks.find(owner, theirs.id()));
        assertEquals(Optional.empty(), inTransaction(() -> tasks.findForUpdate(owner, theirs.id())));
        assertEquals(Optional.of(theirs), tasks.find(stranger, theirs.id()));
    }

    @Test
    void anotherOwnersTaskCannotBeOverwritten() {
        Task theirs = add(draft(stranger, "private"));
        Task forged = new Task(theirs.id(), owner, new Title("mine now"), null, false, Priority.LOW, null,
                Tags.NONE, theirs.createdAt(), tick(), null, theirs.version() + 1);

        assertThrows(ConcurrentUpdateException.class, () -> update(forged));
        assertEquals(Optional.of(theirs), tasks.find(stranger, theirs.id()));
    }

    @Test
    void anotherOwnersTaskCannotBeDeleted() {
        Task theirs = add(draft(stranger, "private"));

        assertFalse(inTransaction(() -> tasks.delete(owner, theirs.id(), tick())));
        assertEquals(Optional.of(theirs), tasks.find(stranger, theirs.id()));
    }

    @Test
    void listsShowOnlyTheOwnersTasks() {
        Task mine = add(draft(owner, "mine"));
        add(draft(stranger, "theirs"));

        TaskPage page = tasks.list(owner, TaskFilter.EVERYTHING, TaskSort.NEWEST_FIRST, PageRequest.FIRST);

        assertEquals(List.of(mine), page.tasks());
        assertEquals(1, page.total());
    }

    // --- update and delete --------------------------------------------------------------------

    @Test
    void anUpdateWritesEveryFieldAndTheNextVersion() {
        Task original = add(draft(owner, "Original").description("old").priority(Priority.LOW).due(DAY)
                .tags("a", "b"));
        TaskChanges changes = new TaskChanges(Change.to(new Title("Changed")), Change.to(null), Change.to(true),
                Change.to(Priority.HIGH), Change.to(DAY.plusDays(3)), Change.to(Tags.of(List.of("c", "a"))));

        Task changed = updateFound(original.id(), task -> task.apply(changes, tick()));

        assertEquals(original.version() + 1, changed.version());
        assertEquals(Optional.of(changed), tasks.find(owner, original.id()));
    }

    @Test
    void aStaleVersionIsRefusedAndChangesNothing() {
        Task original = add(draft(owner, "Original"));
        Task first = original.apply(titleChange("first"), tick());
        Task second = original.apply(titleChange("second"), tick());

        update(first);

        assertThrows(ConcurrentUpdateException.class, () -> update(second));
        assertEquals(Optional.of(first), tasks.find(owner, original.id()));
    }

    @Test
    void updatingADeletedTaskIsRefused() {
        Task original = add(draft(owner, "doomed"));
        inTransaction(() -> tasks.delete(owner, original.id(), tick()));

        assertThrows(ConcurrentUpdateException.class, () -> update(original.apply(titleChange("revived"), tick())));
        assertEquals(Optional.empty(), tasks.find(owner, original.id()));
    }

    @Test
    void tagsAreReplacedKeepingTheirOrderAndCanBeCleared() {
        Task original = add(draft(owner, "tagged").tags("zeta", "alpha", "mid"));
        assertEquals(List.of("zeta", "alpha", "mid"), tasks.find(owner, original.id()).orElseThrow().tags().asStrings());

        Task retagged = updateFound(original.id(), task -> task.apply(tagsChange("mid", "new", "zeta"), tick()));
        assertEquals(List.of("mid", "new", "zeta"), tasks.find(owner, original.id()).orElseThrow().tags().asStrings());
        assertEquals(Optional.of(retagged), tasks.find(owner, original.id()));

        updateFound(original.id(), task -> task.apply(tagsChange(), tick()));
        assertEquals(Tags.NONE, tasks.find(owner, original.id()).orElseThrow().tags());
    }

    @Test
    void deleteRemovesTheTaskOnce() {
        Task doomed = add(draft(owner, "doomed").tags("x"));
        Task kept = add(draft(owner, "kept").tags("x"));

        assertTrue(inTransaction(() -> tasks.delete(owner, doomed.id(), tick())));
        assertFalse(inTransaction(() -> tasks.delete(owner, doomed.id(), tick())));

        assertEquals(Optional.empty(), tasks.find(owner, doomed.id()));
        assertEquals(Optional.of(kept), tasks.find(owner, kept.id()));
        assertEquals(List.of(kept), list(tagged("x"), TaskSort.NEWEST_FIRST).tasks());
    }

    // --- changes feed -------------------------------------------------------------------------

    @Test
    void theFeedListsEveryChangeOnceOldestFirstWithTombstones() {
        Task first = add(draft(owner, "first"));
        Task second = add(draft(owner, "second"));
        add(draft(stranger, "not in the owner's feed"));
        Task firstChanged = updateFound(first.id(), task -> task.apply(titleChange("first, changed"), tick()));
        Instant deletedAt = tick();
        assertTrue(inTransaction(() -> tasks.delete(owner, second.id(), deletedAt)));

        FeedPage all = tasks.changes(owner, 0, 100).orElseThrow();
        assertEquals(2, all.entries().size(), () -> all.toString());
        FeedEntry.Changed changed = (FeedEntry.Changed) all.entries().get(0);
        FeedEntry.Deleted deleted = (FeedEntry.Deleted) all.entries().get(1);
        assertEquals(firstChanged, changed.task(), "a task as it is now, once");
        assertEquals(new FeedEntry.Deleted(second.id(), deletedAt, deleted.position()), deleted);
        assertTrue(changed.position() < deleted.position());
        assertEquals(deleted.position(), all.position());
        assertFalse(all.hasMore());

        FeedPage nothingNew = tasks.changes(owner, all.position(), 100).orElseThrow();
        assertEquals(List.of(), nothingNew.entries());
        assertEquals(all.position(), nothingNew.position(), "an empty page keeps the position");
        assertEquals(List.of(), tasks.changes(stranger, 0, 100).orElseThrow().entries().stream()
                .filter(e -> e instanceof FeedEntry.Changed c && c.task().isOwnedBy(owner)
                        || e instanceof FeedEntry.Deleted d && d.id().equals(second.id())).toList(),
                "nothing of the owner's in the stranger's feed");
    }

    @Test
    void feedPagesFollowOneAnotherWithoutGapsOrRepeats() {
        List<Task> added = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            added.add(add(draft(owner, "task " + i)));
        }
        updateFound(added.get(2).id(), task -> task.apply(titleChange("moved to the end"), tick()));

        List<String> titles = new ArrayList<>();
        long position = 0;
        int pages = 0;
        for (boolean more = true; more; pages++) {
            FeedPage page = tasks.changes(owner, position, 3).orElseThrow();
            assertTrue(page.entries().size() <= 3);
            for (FeedEntry entry : page.entries()) {
                assertTrue(entry.position() > position, "positions grow");
                position = entry.position();
                titles.add(((FeedEntry.Changed) entry).task().title().value());
            }
            assertEquals(position, page.position());
            more = page.hasMore();
        }
        assertEquals(List.of("task 0", "task 1", "task 3", "task 4", "task 5", "task 6", "moved to the end"), titles);
        assertEquals(3, pages);
    }

    @Test
    void aPositionOlderThanTheKeptTombstonesHasExpiredButStartingOverWorks() {
        Task early = add(draft(owner, "early"));
        Task late = add(draft(owner, "late"));
        long beforeDeletes = tasks.changes(owner, 0, 100).orElseThrow().position();
        inTransaction(() -> tasks.delete(owner, early.id(), tick()));
        long afterFirstDelete = tasks.changes(owner, 0, 100).orElseThrow().position();
        assertTrue(tasks.changes(owner, beforeDeletes, 100).isPresent(), "within the retention");

        clock = clock.plus(TaskRepository.TOMBSTONE_RETENTION).plusSeconds(60);
        inTransaction(() -> tasks.delete(owner, late.id(), tick()));

        assertEquals(Optional.empty(), tasks.changes(owner, beforeDeletes, 100), "the first tombstone is gone");
        FeedPage fromAfter = tasks.changes(owner, afterFirstDelete, 100).orElseThrow();
        assertEquals(1, fromAfter.entries().size(), "after the dropped tombstone nothing is missing");
        assertTrue(tasks.changes(owner, 0, 100).isPresent(), "a reader with nothing can always start");
    }

    @Test
    void aPositionAheadOfTheOwnersSequenceIsNoPlaceToReadFrom() {
        add(draft(owner, "one"));
        long latest = tasks.changes(owner, 0, 100).orElseThrow().position();
        for (int i = 0; i < 5; i++) {
            add(draft(stranger, "the stranger's " + i));
        }
        long strangers = tasks.changes(stranger, 0, 100).orElseThrow().position();

        assertEquals(Optional.empty(), tasks.changes(owner, latest + 1000, 100), "a forged position");
        assertTrue(strangers <= latest || tasks.changes(owner, strangers, 100).isEmpty(), "another user's position");
        assertTrue(tasks.changes(owner, latest, 100).isPresent());
    }

    /**
     * Two writers on two connections, the one that started first committing last: a reader that reads in
     * between and then goes on from its position ends with exactly the stored tasks. Positions taken when a
     * write starts rather than in commit order would lose the first writer's change.
     */
    @Test
    void aReaderBetweenTwoInterleavedTransactionsMissesNothing() throws Exception {
        Task one = add(draft(owner, "one"));
        Task two = add(draft(owner, "two"));
        Map<TaskId, Long> mirror = new HashMap<>();
        long[] position = {sync(mirror, 0)};

        java.util.concurrent.CountDownLatch firstWrote = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch secondDone = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<?> first = writers.submit(() -> transactions.inTransaction(() -> {
                Task found = tasks.findForUpdate(owner, one.id()).orElseThrow();
                tasks.update(found.apply(titleChange("one, changed first, committed last"), tick()));
                firstWrote.countDown();
                try { // a store that lets the second writer through commits it now; one that makes it wait does not
                    secondDone.await(2, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            assertTrue(firstWrote.await(30, java.util.concurrent.TimeUnit.SECONDS));
            java.util.concurrent.Future<?> second = writers.submit(() -> {
                transactions.inTransaction(() -> {
                    Task found = tasks.findForUpdate(owner, two.id()).orElseThrow();
                    tasks.update(found.apply(titleChange("two, changed second, committed first"), tick()));
                    return null;
                });
                secondDone.countDown();
            });
            secondDone.await(3, java.util.concurrent.TimeUnit.SECONDS);
            position[0] = sync(mirror, position[0]); // between the two commits, where the stores allow it
            first.get(30, java.util.concurrent.TimeUnit.SECONDS);
            second.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            writers.shutdownNow();
        }
        sync(mirror, position[0]);

        Map<TaskId, Long> stored = new HashMap<>();
        list(TaskFilter.EVERYTHING, TaskSort.NEWEST_FIRST).tasks().forEach(t -> stored.put(t.id(), t.version()));
        assertEquals(stored, mirror, "the reader's copy is the stored set, at the stored versions");
    }

    /** Applies every page after {@code from} to {@code mirror} (id to version); returns the position reached. */
    private long sync(Map<TaskId, Long> mirror, long from) {
        long position = from;
        for (boolean more = true; more; ) {
            FeedPage page = tasks.changes(owner, position, 2).orElseThrow();
            for (FeedEntry entry : page.entries()) {
                assertTrue(entry.position() > position, "never an entry twice");
                switch (entry) {
                    case FeedEntry.Changed changed -> mirror.put(changed.task().id(), changed.task().version());
                    case FeedEntry.Deleted deleted -> mirror.remove(deleted.id());
                }
            }
            position = page.position();
            more = page.hasMore();
        }
        return position;
    }

    // --- filters ------------------------------------------------------------------------------

    @Test
    void everyFilterAgreesWithTheDomainsReferenceMeaning() {
        List<Task> all = addMixedTasks();
        add(draft(stranger, "stranger milk").tags("home").due(DAY));

        List<TaskFilter> filters = List.of(
                TaskFilter.EVERYTHING,
                status(TaskStatus.PENDING),
                status(TaskStatus.COMPLETED),
                priority(Priority.LOW),
                priority(Priority.MEDIUM),
                priority(Priority.HIGH),
                tagged("home"),
                tagged("nowhere"),
                text("milk"),
                text("MILK"),
                text("litre"),
                text("äpfel"),
                dueBefore(DAY),
                dueAfter(DAY),
                dueBetween(DAY.minusDays(2), DAY.plusDays(2)),
                new TaskFilter(TaskStatus.PENDING, null, new Tag("home"), "m", DAY.plusDays(30), null));
        for (TaskFilter filter : filters) {
            assertEquals(reference(all, filter, TaskSort.NEWEST_FIRST), ids(list(filter, TaskSort.NEWEST_FIRST)),
                    "filter " + filter);
        }
    }

    @Test
    void filtersSelectWhatTheContractSays() {
        Task milk = add(draft(owner, "Buy MILK").description("2 litres").tags("home", "errands").due(DAY));
        Task done = add(draft(owner, "Pay rent").completed(true).priority(Priority.HIGH).due(DAY.minusDays(1)));
        Task undated = add(draft(owner, "Someday").description("maybe milk").priority(Priority.LOW).tags("home"));

        assertEquals(ids(milk, undated), ids(list(status(TaskStatus.PENDING), oldestFirst())));
        assertEquals(ids(done), ids(list(status(TaskStatus.COMPLETED), oldestFirst())));
        assertEquals(ids(done), ids(list(priority(Priority.HIGH), oldestFirst())));
        assertEquals(ids(milk, undated), ids(list(tagged("home"), oldestFirst())));
        assertEquals(ids(milk, undated), ids(list(text("Milk"), oldestFirst())));
        // Strict bounds, and a task without a due date never matches one.
        assertEquals(ids(done), ids(list(dueBefore(DAY), oldestFirst())));
        assertEquals(ids(milk), ids(list(dueAfter(DAY.minusDays(1)), oldestFirst())));
        assertEquals(ids(), ids(list(dueBetween(DAY, DAY), oldestFirst())));
    }

    @Test
    void textSearchTakesWildcardsAndBackslashLiterally() {
        Task percent = add(draft(owner, "100% done"));
        add(draft(owner, "100 percent done"));
        Task underscore = add(draft(owner, "snake_case"));
        add(draft(owner, "snakeXcase"));
        Task backslash = add(draft(owner, "C:\\temp"));
        add(draft(owner, "C:temp"));
        Task bang = add(draft(owner, "wow!"));
        Task quote = add(draft(owner, "it's"));

        assertEquals(ids(percent), ids(list(text("%"), oldestFirst())));
        assertEquals(ids(percent), ids(list(text("0% d"), oldestFirst())));
        assertEquals(ids(underscore), ids(list(text("_"), oldestFirst())));
        assertEquals(ids(underscore), ids(list(text("e_c"), oldestFirst())));
        assertEquals(ids(backslash), ids(list(text("\\"), oldestFirst())));
        assertEquals(ids(backslash), ids(list(text(":\\t"), oldestFirst())));
        assertEquals(ids(bang), ids(list(text("!"), oldestFirst())));
        assertEquals(ids(quote), ids(list(text("'"), oldestFirst())));
    }

    // --- sorting ------------------------------------------------------------------------------

    @Test
    void everySortKeyInBothDirectionsAgreesWithTheDomainsComparator() {
        List<Task> all = addMixedTasks();
        for (TaskSort.Key key : TaskSort.Key.values()) {
            for (TaskSort.Direction direction : TaskSort.Direction.values()) {
                TaskSort sort = new TaskSort(key, direction);
                assertEquals(reference(all, TaskFilter.EVERYTHING, sort), ids(list(TaskFilter.EVERYTHING, sort)),
                        "sort " + sort);
            }
        }
    }

    @Test
    void tasksWithoutDueDateComeLastInBothDirectionsAndTiesGoById() {
        Task late = add(draft(owner, "late").due(DAY.plusDays(1)));
        Task undatedA = add(draft(owner, "undated a"));
        Task early = add(draft(owner, "early").due(DAY));
        Task undatedB = add(draft(owner, "undated b"));
        Task earlyToo = add(draft(owner, "early too").due(DAY));

        assertEquals(ids(early, earlyToo, late, undatedA, undatedB),
                idsSortedBy(TaskSort.Key.DUE_DATE, TaskSort.Direction.ASC));
        assertEquals(ids(late, earlyToo, early, undatedB, undatedA),
                idsSortedBy(TaskSort.Key.DUE_DATE, TaskSort.Direction.DESC));
    }

    @Test
    void titlesSortIgnoringCaseWithTiesById() {
        Task banana = add(draft(owner, "banana"));
        Task appleUpper = add(draft(owner, "Apple"));
        Task cherry = add(draft(owner, "Cherry"));
        Task appleLower = add(draft(owner, "apple"));
        Task zero = add(draft(owner, "0 first"));

        assertEquals(ids(zero, appleUpper, appleLower, banana, cherry),
                idsSortedBy(TaskSort.Key.TITLE, TaskSort.Direction.ASC));
        assertEquals(ids(cherry, banana, appleLower, appleUpper, zero),
                idsSortedBy(TaskSort.Key.TITLE, TaskSort.Direction.DESC));
    }

    @Test
    void titlesSortByCodePointNotByUtf16Unit() {
        Task emoji = add(draft(owner, "\uD83D\uDE00 grin"));
        Task privateUse = add(draft(owner, "\uE000 private use"));
        Task fullwidth = add(draft(owner, "\uFF41 fullwidth a"));
        Task accented = add(draft(owner, "\u00E9t\u00E9"));

        assertEquals(ids(accented, privateUse, fullwidth, emoji), idsSortedBy(TaskSort.Key.TITLE, TaskSort.Direction.ASC));
        assertEquals(ids(emoji, fullwidth, privateUse, accented), idsSortedBy(TaskSort.Key.TITLE, TaskSort.Direction.DESC));
    }

    @Test
    void priorityAscendingGoesFromLowToHigh() {
        Task high = add(draft(owner, "high").priority(Priority.HIGH));
        Task low = add(draft(owner, "low").priority(Priority.LOW));
        Task medium = add(draft(owner, "medium").priority(Priority.MEDIUM));

        assertEquals(ids(low, medium, high),
                idsSortedBy(TaskSort.Key.PRIORITY, TaskSort.Direction.ASC));
    }

    // --- pagination ---------------------------------------------------------------------------

    @Test
    void pagesCutTheSortedFilteredListAndCarryItsTotal() {
        List<Task> added = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            added.add(add(draft(owner, "task " + i).completed(i % 2 == 0)));
        }
        TaskFilter completed = status(TaskStatus.COMPLETED);
        List<TaskId> expected = reference(added, completed, oldestFirst());

        TaskPage first = tasks.list(owner, completed, oldestFirst(), new PageRequest(3, 0));
        TaskPage second = tasks.list(owner, completed, oldestFirst(), new PageRequest(3, 3));

        assertEquals(expected.subList(0, 3), ids(first));
        assertEquals(expected.subList(3, 4), ids(second));
        assertEquals(4, first.total());
        assertEquals(4, second.total());
    }

    @Test
    void aPageAtOrPastTheEndIsEmptyButStillCountsTheFilteredSet() {
        for (int i = 0; i < 3; i++) {
            add(draft(owner, "task " + i));
        }

        TaskPage atEnd = tasks.list(owner, TaskFilter.EVERYTHING, oldestFirst(), new PageRequest(10, 3));
        TaskPage farPast = tasks.list(owner, TaskFilter.EVERYTHING, oldestFirst(), new PageRequest(10, 1_000));

        assertEquals(List.of(), atEnd.tasks());
        assertEquals(3, atEnd.total());
        assertEquals(List.of(), farPast.tasks());
        assertEquals(3, farPast.total());
    }

    @Test
    void anOwnerWithoutMatchingTasksGetsAnEmptyPage() {
        add(draft(owner, "something"));

        TaskPage page = tasks.list(owner, text("nothing like it"), oldestFirst(), PageRequest.FIRST);

        assertEquals(new TaskPage(List.of(), 0), page);
        assertEquals(new TaskPage(List.of(), 0),
                tasks.list(newUser(), TaskFilter.EVERYTHING, TaskSort.NEWEST_FIRST, new PageRequest(5, 10)));
    }

    @Test
    void listedTasksCarryTheirTags() {
        Task tagged = add(draft(owner, "tagged").tags("b", "a"));
        Task plain = add(draft(owner, "plain"));

        assertEquals(List.of(tagged, plain), list(TaskFilter.EVERYTHING, oldestFirst()).tasks());
    }

    // --- helpers ------------------------------------------------------------------------------

    /**
     * A dozen tasks with ties on every sort key: two share a creation time, two an update time,
     * titles differ only in case, priorities and due dates repeat, some have no due date.
     */
    private List<Task> addMixedTasks() {
        Instant shared = tick();
        List<Task> all = new ArrayList<>();
        all.add(inTransaction(() -> tasks.add(draft(owner, "Buy milk").description("2 litres").tags("home", "errands")
                .due(DAY).toNewTask(), shared)));
        all.add(inTransaction(() -> tasks.add(draft(owner, "buy MILK").priority(Priority.HIGH).tags("home")
                .toNewTask(), shared)));
        all.add(add(draft(owner, "Äpfel kaufen").priority(Priority.LOW).due(DAY.plusDays(1))));
        all.add(add(draft(owner, "apple pie").completed(true).due(DAY.minusDays(1)).tags("kitchen")));
        all.add(add(draft(owner, "Zebra").priority(Priority.HIGH).due(DAY).description("see the milkman")));
        all.add(add(draft(owner, "zebra").completed(true).priority(Priority.LOW)));
        all.add(add(draft(owner, "Call mum").due(DAY.plusDays(10)).tags("home", "phone")));
        all.add(add(draft(owner, "10 pushups").completed(true).priority(Priority.HIGH).due(DAY.minusDays(30))));
        all.add(add(draft(owner, "read").description("Liter of books")));
        all.add(add(draft(owner, "Read").priority(Priority.LOW).due(DAY)));
        Instant sharedUpdate = tick();
        for (int index : new int[] {0, 6}) {
            Task before = all.get(index);
            Task after = before.apply(titleChange(before.title().value() + "!"), sharedUpdate);
            update(after);
            all.set(index, after);
        }
        return all;
    }

    private List<TaskId> reference(List<Task> all, TaskFilter filter, TaskSort sort) {
        return all.stream().filter(filter::admits).sorted(sort.comparator()).map(Task::id).toList();
    }

    private TaskPage list(TaskFilter filter, TaskSort sort) {
        return tasks.list(owner, filter, sort, new PageRequest(PageRequest.MAX_LIMIT, 0));
    }

    private List<TaskId> idsSortedBy(TaskSort.Key key, TaskSort.Direction direction) {
        return ids(list(TaskFilter.EVERYTHING, new TaskSort(key, direction)));
    }

    private static TaskSort oldestFirst() {
        return new TaskSort(TaskSort.Key.CREATED, TaskSort.Direction.ASC);
    }

    private static List<TaskId> ids(TaskPage page) {
        return page.tasks().stream().map(Task::id).toList();
    }

    private static List<TaskId> ids(Task... tasks) {
        return Arrays.stream(tasks).map(Task::id).toList();
    }

    private Task updateFound(TaskId id, java.util.function.UnaryOperator<Task> change) {
        return inTransaction(() -> {
            Task changed = change.apply(tasks.findForUpdate(owner, id).orElseThrow());
            tasks.update(changed);
            return changed;
        });
    }

    private static TaskChanges titleChange(String title) {
        return new TaskChanges(Change.to(new Title(title)), Change.keep(), Change.keep(), Change.keep(),
                Change.keep(), Change.keep());
    }

    private static TaskChanges tagsChange(String... tags) {
        return new TaskChanges(Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep(),
                Change.to(Tags.of(List.of(tags))));
    }

    private Task add(Draft draft) {
        Instant now = tick();
        return inTransaction(() -> tasks.add(draft.toNewTask(), now));
    }

    private void update(Task changed) {
        inTransaction(() -> {
            tasks.update(changed);
            return null;
        });
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transactions.inTransaction(work);
    }

    /** A distinct, microsecond-precise instant per call, so creation order is unambiguous. */
    private synchronized Instant tick() {
        clock = clock.plusMillis(1_001);
        return clock;
    }

    private UserId newUser() {
        UserId id = new UserId("contract-" + UUID.randomUUID());
        users.addIfAbsent(User.newcomer(id, null, null, Role.USER, START));
        return id;
    }

    private static Draft draft(UserId owner, String title) {
        return new Draft(owner, title);
    }

    private static TaskFilter status(TaskStatus status) {
        return new TaskFilter(status, null, null, null, null, null);
    }

    private static TaskFilter priority(Priority priority) {
        return new TaskFilter(TaskStatus.ALL, priority, null, null, null, null);
    }

    private static TaskFilter tagged(String tag) {
        return new TaskFilter(TaskStatus.ALL, null, new Tag(tag), null, null, null);
    }

    private static TaskFilter text(String text) {
        return new TaskFilter(TaskStatus.ALL, null, null, text, null, null);
    }

    private static TaskFilter dueBefore(LocalDate day) {
        return new TaskFilter(TaskStatus.ALL, null, null, null, day, null);
    }

    private static TaskFilter dueAfter(LocalDate day) {
        return new TaskFilter(TaskStatus.ALL, null, null, null, null, day);
    }

    private static TaskFilter dueBetween(LocalDate after, LocalDate before) {
        return new TaskFilter(TaskStatus.ALL, null, null, null, before, after);
    }

    /** A new task with defaults, changed one field at a time. */
    private static final class Draft {
        private final UserId owner;
        private final String title;
        private String description = "details";
        private boolean completed;
        private Priority priority = Priority.MEDIUM;
        private LocalDate due;
        private List<String> tags = List.of();

        Draft(UserId owner, String title) {
            this.owner = owner;
            this.title = title;
        }

        Draft description(String value) {
            description = value;
            return this;
        }

        Draft completed(boolean value) {
            completed = value;
            return this;
        }

        Draft priority(Priority value) {
            priority = value;
            return this;
        }

        Draft due(LocalDate value) {
            due = value;
            return this;
        }

        Draft tags(String... values) {
            tags = List.of(values);
            return this;
        }

        NewTask toNewTask() {
            return new NewTask(owner, new Title(title), description == null ? null : new Description(description),
                    completed, priority, due, Tags.of(tags));
        }
    }
}
