package app.todo.application.port.out;

import app.todo.domain.task.PageRequest;
import app.todo.domain.user.UserChanges;
import app.todo.domain.user.UserId;
import app.todo.domain.user.UserPage;
import app.todo.domain.user.UserSummary;

import java.util.Optional;

/** Every user, as administration needs them. */
public interface UserDirectory {

    /**
     * One page of all users, oldest first ({@code created_at}, then id, so pages never overlap or skip
     * a user even when two were created in the same instant), each with their task count.
     */
    UserPage list(PageRequest page);

    /**
     * Applies the changes to the stored user in one step, so two admins changing different fields at
     * once keep both changes.
     *
     * @return the user as stored afterwards, with their task count; empty when there is no such user
     */
    Optional<UserSummary> change(UserId id, UserChanges changes);
}
