package app.todo.application.service;

import app.todo.application.memory.InMemoryStore;
import app.todo.application.port.in.FollowTaskChangesUseCase;
import app.todo.application.port.in.TaskOwner;
import app.todo.application.port.out.StorageUnavailableException;
import app.todo.application.port.out.TaskChangeSignals;
import app.todo.application.port.out.TaskRepository;
import app.todo.domain.user.Role;
import app.todo.domain.user.User;
import app.todo.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

import static app.todo.application.service.Outcomes.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FollowTaskChangesServiceTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private final InMemoryStore store = new InMemoryStore();
    private final User ana = store.users().addIfAbsent(User.newcomer(new UserId("ana"), null, "Ana", Role.USER, T0));
    private final AtomicInteger subscribed = new AtomicInteger();
    private final TaskChangeSignals counted = (owner, onChange) -> {
        subscribed.incrementAndGet();
        TaskChangeSignals.Subscription inner = store.tasks().signals().subscribe(owner, onChange);
        return () -> {
            subscribed.decrementAndGet();
            inner.close();
        };
    };
    private final AtomicInteger failuresLeft = new AtomicInteger();

    @Test
    void a_stream_the_database_fails_to_open_leaves_no_subscription_and_ends_no_older_stream() {
        FollowTaskChangesService service = new FollowTaskChangesService(failingPosition(), counted, 1, 10);
        FollowTaskChangesUseCase.ChangeStream older = value(service.follow(query()));

        failuresLeft.set(1);
        assertThrows(StorageUnavailableException.class, () -> service.follow(query()));

        assertEquals(1, subscribed.get(), "only the older stream's subscription");
        assertFalse(older.superseded(), "a stream that did not open ends no other");
        older.close();
        assertEquals(0, subscribed.get());
        // The failed attempt gave back its place: the instance's one slot per user is free again.
        value(service.follow(query())).close();
    }

    private FollowTaskChangesUseCase.Query query() {
        return new FollowTaskChangesUseCase.Query(value(TaskOwner.of(ana, ana.id())), OptionalLong.empty());
    }

    /** The store's tasks, whose position read fails while {@link #failuresLeft} is above zero. */
    private TaskRepository failingPosition() {
        TaskRepository tasks = store.tasks();
        return (TaskRepository) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {TaskRepository.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("position") && failuresLeft.getAndDecrement() > 0) {
                        throw new StorageUnavailableException("the database is away", null);
                    }
                    try {
                        return method.invoke(tasks, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
