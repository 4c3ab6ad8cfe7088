package app.todo.application.service;

import app.todo.application.port.in.AdminError;
import app.todo.application.port.in.ChangeUserCommand;
import app.todo.application.port.in.ChangeUserUseCase;
import app.todo.application.port.out.SessionRepository;
import app.todo.application.port.out.UserDirectory;
import app.todo.application.port.out.UserRepository;
import app.todo.domain.shared.Result;
import app.todo.domain.shared.Validation;
import app.todo.domain.task.Change;
import app.todo.domain.user.Role;
import app.todo.domain.user.User;
import app.todo.domain.user.UserChanges;
import app.todo.domain.user.UserSummary;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

public final class ChangeUserService implements ChangeUserUseCase {

    private final UserDirectory directory;
    private final UserRepository users;
    private final RecentCallers recent;
    private final SessionRepository sessions;
    private final Clock clock;

    /** @param users where the caller's stored role is read, which a token's admin claim does not change */
    public ChangeUserService(UserDirectory directory, UserRepository users) {
        this(directory, users, RecentCallers.none());
    }

    /** @param recent the callers this instance remembers; a changed user is forgotten there at once */
    public ChangeUserService(UserDirectory directory, UserRepository users, RecentCallers recent) {
        this(directory, users, recent, null, null);
    }

    /**
     * @param sessions where a disabled user's own sessions are revoked (docs/rules.md §2), so that their
     *                 refresh tokens die with the decision; {@code null} when there are none to end
     */
    public ChangeUserService(UserDirectory directory, UserRepository users, RecentCallers recent,
                             SessionRepository sessions, Clock clock) {
        this.directory = directory;
        this.users = users;
        this.recent = recent;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public Result<UserSummary, AdminError> changeUser(ChangeUserCommand command) {
        return validated(command).flatMap(changes -> notStoringAClaim(command, changes)).flatMap(changes ->
                directory.change(command.userId(), changes)
                        .map(summary -> {
                            recent.forget(command.userId());
                            if (sessions != null && summary.user().disabled()) {
                                sessions.revokeAllOf(command.userId(), Times.now(clock), Optional.empty());
                            }
                            return summary;
                        })
                        .<Result<UserSummary, AdminError>>map(Result::ok)
                        .orElseGet(() -> Result.err(new AdminError.UserNotFound(command.userId().value()))));
    }

    private static Result<UserChanges, AdminError> validated(ChangeUserCommand command) {
        Validation v = new Validation();
        Optional<Role> role = present(TaskFieldsValidator.required(v, "role", command.role(),
                key -> Role.fromKey("role", key)));
        Optional<Boolean> disabled = present(TaskFieldsValidator.required(v, "disabled", command.disabled(),
                Function.identity()));
        if (!v.hasErrors() && !command.role().isPresent() && !command.disabled().isPresent()) {
            v.reject("body", "must contain at least one of role, disabled");
        }
        if (v.hasErrors()) {
            return Result.err(new AdminError.InvalidUserChange(v.errors()));
        }
        // An admin who locks themself out may leave nobody able to undo it.
        if (command.admin().user().id().equals(command.userId())) {
            if (disabled.orElse(false)) {
                return Result.err(new AdminError.SelfLockout("You cannot disable your own account."));
            }
            if (role.filter(r -> r != Role.ADMIN).isPresent()) {
                return Result.err(new AdminError.SelfLockout("You cannot remove your own admin role."));
            }
        }
        return Result.ok(new UserChanges(role, disabled));
    }

    /**
     * An admin whose role comes from a token's claim (docs/rules.md §4) may not store it for themself: the
     * claim counts for one request, so a demotion at the identity provider must hold from its next token.
     */
    private Result<UserChanges, AdminError> notStoringAClaim(ChangeUserCommand command, UserChanges changes) {
        User caller = command.admin().user();
        boolean selfPromotion = caller.id().equals(command.userId())
                && changes.role().filter(Role.ADMIN::equals).isPresent();
        if (selfPromotion && !users.find(caller.id()).map(User::isAdmin).orElse(false)) {
            return Result.err(new AdminError.OwnRoleFromClaim());
        }
        return Result.ok(changes);
    }

    private static <T> Optional<T> present(Change<T> change) {
        return change instanceof Change.SetTo<T> set ? Optional.of(set.value()) : Optional.empty();
    }
}
