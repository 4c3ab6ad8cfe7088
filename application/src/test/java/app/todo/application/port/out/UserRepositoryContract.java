package app.todo.application.port.out;

import app.todo.domain.user.Email;
import app.todo.domain.user.Role;
import app.todo.domain.user.User;
import app.todo.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link UserRepository} must do. Extend it with a factory for the store under test. */
public abstract class UserRepositoryContract {

    private static final Instant CREATED = Instant.parse("2026-03-04T05:06:07.123456Z");

    private UserRepository users;

    /** A store to run one test against; it may hold data of other tests. */
    protected abstract ContractStore newStore();

    @BeforeEach
    void openStore() {
        users = newStore().users();
    }

    @Test
    void anUnknownUserIsAbsent() {
        assertEquals(Optional.empty(), users.find(freshId()));
    }

    @Test
    void addIfAbsentStoresTheUserWithEveryField() {
        User user = new User(freshId(), new Email("Ada@Example.org"), "Ada Lovelace", Role.ADMIN, true, CREATED);

        assertEquals(user, users.addIfAbsent(user));
        assertEquals(Optional.of(user), users.find(user.id()));
    }

    @Test
    void emailAndNameAreOptional() {
        User user = User.newcomer(freshId(), null, null, Role.USER, CREATED);

        users.addIfAbsent(user);

        assertEquals(Optional.of(user), users.find(user.id()));
    }

    @Test
    void unicodeNamesAndIdsRoundTrip() {
        User user = User.newcomer(new UserId("üser-" + UUID.randomUUID() + "-🦊"), null, "Zoë 🦊 Ünïcödé",
                Role.USER, CREATED);

        users.addIfAbsent(user);

        assertEquals(Optional.of(user), users.find(user.id()));
    }

    @Test
    void addIfAbsentKeepsTheFirstStoredUser() {
        UserId id = freshId();
        User first = User.newcomer(id, new Email("first@example.org"), "First", Role.USER, CREATED);
        User second = User.newcomer(id, new Email("second@example.org"), "Second", Role.ADMIN, CREATED.plusSeconds(1));

        users.addIfAbsent(first);

        assertEquals(first, users.addIfAbsent(second));
        assertEquals(Optional.of(first), users.find(id));
    }

    @Test
    void emailIsNotUniqueAmongUsers() {
        Email shared = new Email("shared@example.org");
        User one = User.newcomer(freshId(), shared, "One", Role.USER, CREATED);
        User two = User.newcomer(freshId(), shared, "Two", Role.USER, CREATED);

        users.addIfAbsent(one);
        users.addIfAbsent(two);

        assertEquals(Optional.of(two), users.find(two.id()));
    }

    @Test
    void racingFirstRequestsOfOneUserAllGetTheSameStoredUser() throws Exception {
        UserId id = freshId();
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<User> candidates = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            candidates.add(User.newcomer(id, null, "racer " + i, Role.USER, CREATED));
        }
        List<Future<User>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
            for (User candidate : candidates) {
                results.add(pool.submit(() -> {
                    start.await();
                    return users.addIfAbsent(candidate);
                }));
            }
            start.countDown();
            User winner = results.getFirst().get(30, TimeUnit.SECONDS);
            for (Future<User> result : results) {
                assertEquals(winner, result.get(30, TimeUnit.SECONDS));
            }
            assertTrue(candidates.contains(winner), "the stored user is one of those offered");
            assertEquals(Optional.of(winner), users.find(id));
        }
    }

    private static UserId freshId() {
        return new UserId("user-" + UUID.randomUUID());
    }
}
