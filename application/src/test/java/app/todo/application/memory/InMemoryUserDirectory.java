package app.todo.application.memory;

import app.todo.application.port.out.UserDirectory;
import app.todo.domain.task.PageRequest;
import app.todo.domain.task.TaskFilter;
import app.todo.domain.task.TaskSort;
import app.todo.domain.user.User;
import app.todo.domain.user.UserChanges;
import app.todo.domain.user.UserId;
import app.todo.domain.user.UserPage;
import app.todo.domain.user.UserSummary;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A view over the in-memory users and tasks, ordered like the database's listing. */
public final class InMemoryUserDirectory implements UserDirectory {

    private static final Comparator<User> OLDEST_FIRST = Comparator.comparing(User::createdAt)
            .thenComparing(user -> user.id().value());
    private static final PageRequest COUNT_ONLY = new PageRequest(1, 0);

    private final InMemoryUserRepository users;
    private final InMemoryTaskRepository tasks;

    public InMemoryUserDirectory(InMemoryUserRepository users, InMemoryTaskRepository tasks) {
        this.users = users;
        this.tasks = tasks;
    }

    @Override
    public UserPage list(PageRequest page) {
        List<User> all = users.all().stream().sorted(OLDEST_FIRST).toList();
        List<UserSummary> window = all.stream()
                .skip(page.offset())
                .limit(page.limit())
                .map(user -> new UserSummary(user, taskCount(user.id())))
                .toList();
        return new UserPage(window, all.size());
    }

    @Override
    public Optional<UserSummary> change(UserId id, UserChanges changes) {
        return users.change(id, changes::applyTo).map(user -> new UserSummary(user, taskCount(user.id())));
    }

    private long taskCount(UserId owner) {
        return tasks.list(owner, TaskFilter.EVERYTHING, TaskSort.NEWEST_FIRST, COUNT_ONLY).total();
    }
}
