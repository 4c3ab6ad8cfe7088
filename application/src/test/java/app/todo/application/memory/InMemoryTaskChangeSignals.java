package app.todo.application.memory;

import app.todo.application.port.out.TaskChangeSignals;
import app.todo.domain.user.UserId;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/** In-process signals: a write signals its owner's subscribers as it happens (nothing here is rolled back). */
public final class InMemoryTaskChangeSignals implements TaskChangeSignals {

    private final Map<UserId, Set<Runnable>> subscribers = new ConcurrentHashMap<>();

    @Override
    public Subscription subscribe(UserId owner, Runnable onChange) {
        subscribers.computeIfAbsent(owner, o -> new CopyOnWriteArraySet<>()).add(onChange);
        return () -> subscribers.computeIfPresent(owner, (o, set) -> {
            set.remove(onChange);
            return set.isEmpty() ? null : set;
        });
    }

    /**
     * Signals after the current write: the repository calls this while it writes under its monitor, and the
     * subscriber reads the feed, which waits for that monitor, so it sees the write.
     */
    void signalAfter(UserId owner) {
        Set<Runnable> set = subscribers.get(owner);
        if (set != null) {
            set.forEach(Runnable::run);
        }
    }
}
