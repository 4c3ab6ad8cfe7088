package app.todo.application.service;

import app.todo.application.port.in.CallerError;
import app.todo.application.port.in.IdentifyCallerCommand;
import app.todo.application.port.in.IdentifyCallerUseCase;
import app.todo.application.port.out.UserRepository;
import app.todo.domain.shared.InvalidValueException;
import app.todo.domain.shared.Result;
import app.todo.domain.user.Email;
import app.todo.domain.user.Role;
import app.todo.domain.user.User;

import java.time.Clock;

public final class IdentifyCallerService implements IdentifyCallerUseCase {

    private final UserRepository users;
    private final Clock clock;
    private final RecentCallers recent;

    public IdentifyCallerService(UserRepository users, Clock clock) {
        this(users, clock, RecentCallers.none());
    }

    public IdentifyCallerService(UserRepository users, Clock clock, RecentCallers recent) {
        this.users = users;
        this.clock = clock;
        this.recent = recent;
    }

    @Override
    public Result<User, CallerError> identifyCaller(IdentifyCallerCommand command) {
        if (command.banned()) {
            return Result.err(new CallerError.Banned(command.userId().value()));
        }
        User user = recent.get(command.userId()).orElseGet(() -> {
            User stored = users.find(command.userId()).orElseGet(() -> users.addIfAbsent(User.newcomer(
                    command.userId(), emailOrNull(command.email()), command.name(),
                    command.adminClaim() ? Role.ADMIN : Role.USER, Times.now(clock))));
            recent.remember(stored);
            return stored;
        });
        if (user.disabled()) {
            return Result.err(new CallerError.Disabled(user.id().value()));
        }
        // The identity provider's word on the admin role holds for as long as its token does.
        return Result.ok(command.adminClaim() && !user.isAdmin() ? user.withRole(Role.ADMIN) : user);
    }

    private static Email emailOrNull(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return new Email(raw);
        } catch (InvalidValueException e) {
            return null;
        }
    }
}
