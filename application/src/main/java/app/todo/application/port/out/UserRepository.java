package app.todo.application.port.out;

import app.todo.domain.user.User;
import app.todo.domain.user.UserId;

import java.util.Optional;

public interface UserRepository {

    Optional<User> find(UserId id);

    /**
     * Stores the user unless one with the same id exists; either way returns the stored user.
     * Safe when two first requests of the same user race.
     */
    User addIfAbsent(User user);
}
