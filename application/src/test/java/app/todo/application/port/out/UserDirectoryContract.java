package app.todo.application.port.out;

import app.todo.domain.task.NewTask;
import app.todo.domain.task.PageRequest;
import app.todo.domain.task.Priority;
import app.todo.domain.task.Tags;
import app.todo.domain.task.Title;
import app.todo.domain.user.Email;
import app.todo.domain.user.Role;
import app.todo.domain.user.User;
import app.todo.domain.user.UserChanges;
import app.todo.domain.user.UserId;
import app.todo.domain.user.UserPage;
import app.todo.domain.user.UserSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link UserDirectory} must do. A directory lists every user, so each test needs a store of
 * its own, empty at the start.
 */
public abstract class UserDirectoryContract {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    /** The directory of a store, and the repositories that fill it. */
    public record Store(UserDirectory directory, UserRepository users, TaskRepository tasks) {
    }

    private Store store;

    /** A store without users, for one test. */
    protected abstract Store newEmptyStore();

    @BeforeEach
    void openStore() {
        store = newEmptyStore();
    }

    @Test
    void an_empty_directory_lists_nothing() {
        UserPage page = store.directory().list(PageRequest.FIRST);

        assertEquals(List.of(), page.users());
        assertEquals(0, page.total());
    }

    @Test
    void lists_users_oldest_first_and_breaks_ties_by_id() {
        user("b-late", T0.plusSeconds(60));
        user("z-early", T0);
        user("a-late", T0.plusSeconds(60));

        assertEquals(List.of("z-early", "a-late", "b-late"), ids(store.directory().list(PageRequest.FIRST)));
    }

    @Test
    void pages_through_users_without_gaps_or_overlaps_and_counts_them_all() {
        for (int i = 0; i < 5; i++) {
            user("user-" + i, T0.plusSeconds(i));
        }

        UserPage first = store.directory().list(new PageRequest(2, 0));
        UserPage second = store.directory().list(new PageRequest(2, 2));
        UserPage last = store.directory().list(new PageRequest(2, 4));
        UserPage beyond = store.directory().list(new PageRequest(2, 10));

        assertEquals(List.of("user-0", "user-1"), ids(first));
        assertEquals(List.of("user-2", "user-3"), ids(second));
        assertEquals(List.of("user-4"), ids(last));
        assertEquals(List.of(), ids(beyond));
        assertEquals(List.of(5L, 5L, 5L, 5L), List.of(first.total(), second.total(), last.total(), beyond.total()));
    }

    @Test
    void counts_each_users_own_tasks() {
        User busy = user("busy", T0);
        User idle = user("idle", T0.plusSeconds(1));
        for (int i = 0; i < 3; i++) {
            store.tasks().add(new NewTask(busy.id(), new Title("task " + i), null, i == 0, Priority.DEFAULT, null,
                    Tags.NONE), T0.plusSeconds(10 + i));
        }

        List<UserSummary> summaries = store.directory().list(PageRequest.FIRST).users();

        assertEquals(List.of(new UserSummary(busy, 3), new UserSummary(idle, 0)), summaries);
    }

    @Test
    void changes_only_what_is_asked_and_keeps_it() {
        User ana = user("ana", T0);

        Optional<UserSummary> promoted = store.directory().change(ana.id(), new UserChanges(Optional.of(Role.ADMIN), Optional.empty()));
        Optional<UserSummary> disabled = store.directory().change(ana.id(), new UserChanges(Optional.empty(), Optional.of(true)));

        assertEquals(Optional.of(new UserSummary(ana.withRole(Role.ADMIN), 0)), promoted);
        User both = ana.withRole(Role.ADMIN).withDisabled(true);
        assertEquals(Optional.of(new UserSummary(both, 0)), disabled);
        assertEquals(Optional.of(both), store.users().find(ana.id()));
        assertEquals(List.of(new UserSummary(both, 0)), store.directory().list(PageRequest.FIRST).users());
    }

    @Test
    void changing_both_fields_at_once_applies_both() {
        User bob = user("bob", T0);
        store.tasks().add(new NewTask(bob.id(), new Title("one"), null, false, Priority.DEFAULT, null, Tags.NONE), T0);

        Optional<UserSummary> changed = store.directory().change(bob.id(), new UserChanges(Optional.of(Role.ADMIN), Optional.of(true)));

        User both = bob.withRole(Role.ADMIN).withDisabled(true);
        assertEquals(Optional.of(new UserSummary(both, 1)), changed);
        assertEquals(Optional.of(both), store.users().find(bob.id()));
    }

    @Test
    void changing_an_unknown_user_changes_nobody() {
        User ana = user("ana", T0);

        Optional<UserSummary> changed = store.directory().change(new UserId("nobody"), new UserChanges(Optional.of(Role.ADMIN),
                Optional.of(true)));

        assertTrue(changed.isEmpty());
        assertEquals(Optional.of(ana), store.users().find(ana.id()));
    }

    private User user(String id, Instant createdAt) {
        return store.users().addIfAbsent(User.newcomer(new UserId(id), new Email(id + "@example.com"), "Name " + id,
                Role.USER, createdAt));
    }

    private static List<String> ids(UserPage page) {
        return page.users().stream().map(summary -> summary.user().id().value()).toList();
    }
}
