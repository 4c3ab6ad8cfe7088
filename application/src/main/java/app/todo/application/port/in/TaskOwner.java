package app.todo.application.port.in;

import app.todo.domain.shared.Result;
import app.todo.domain.user.User;
import app.todo.domain.user.UserId;

import java.util.Objects;

/**
 * Whose tasks a request acts on, issued only when its caller may act on them (docs/rules.md §3: another user's
 * path is a {@code 403}). Every task command and query names its owner by one, so the rule is checked here, once,
 * and no task use case can be reached without it. The edge asks for one before it reads a body, so a client
 * learns "not yours" before "invalid".
 */
public final class TaskOwner {

    private final User caller;
    private final UserId id;

    private TaskOwner(User caller, UserId id) {
        this.caller = caller;
        this.id = id;
    }

    /**
     * @return the caller acting on {@code owner}'s tasks, or {@link TaskError.NotYourTasks} when the caller may
     *         not (only their own tasks; an admin has no claim on others' either)
     */
    public static Result<TaskOwner, TaskError> of(User caller, UserId owner) {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(owner, "owner");
        return caller.mayManageTasksOf(owner)
                ? Result.ok(new TaskOwner(caller, owner))
                : Result.err(new TaskError.NotYourTasks(owner.value()));
    }

    /** Who is asking. */
    public User caller() {
        return caller;
    }

    /** Whose tasks these are. */
    public UserId id() {
        return id;
    }

    @Override
    public String toString() {
        return "TaskOwner[" + id.value() + "]";
    }
}
