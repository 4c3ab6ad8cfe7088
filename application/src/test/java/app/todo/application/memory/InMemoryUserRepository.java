package app.todo.application.memory;

import app.todo.application.port.out.UserRepository;
import app.todo.domain.user.User;
import app.todo.domain.user.UserId;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

public final class InMemoryUserRepository implements UserRepository {

    private final Map<UserId, User> users = new ConcurrentHashMap<>();

    @Override
    public Optional<User> find(UserId id) {
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public User addIfAbsent(User user) {
        return users.computeIfAbsent(user.id(), id -> user);
    }

    /** Every stored user, for {@link InMemoryUserDirectory}. */
    Collection<User> all() {
        return List.copyOf(users.values());
    }

    /** Replaces the stored user atomically; empty when there is none. */
    Optional<User> change(UserId id, UnaryOperator<User> change) {
        return Optional.ofNullable(users.computeIfPresent(id, (key, stored) -> change.apply(stored)));
    }
}
