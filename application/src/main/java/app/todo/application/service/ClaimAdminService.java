package app.todo.application.service;

import app.todo.application.port.in.AdminError;
import app.todo.application.port.in.ClaimAdminCommand;
import app.todo.application.port.in.ClaimAdminUseCase;
import app.todo.application.port.out.UserDirectory;
import app.todo.domain.shared.Result;
import app.todo.domain.user.Role;
import app.todo.domain.user.User;
import app.todo.domain.user.UserChanges;
import app.todo.domain.user.IdentitySource;

import java.util.Optional;

/** {@link ClaimAdminUseCase}: the stored role becomes admin once the bootstrap token is redeemed. */
public final class ClaimAdminService implements ClaimAdminUseCase {

    private final AdminBootstrap bootstrap;
    private final UserDirectory directory;
    private final RecentCallers recent;

    public ClaimAdminService(AdminBootstrap bootstrap, UserDirectory directory, RecentCallers recent) {
        this.bootstrap = bootstrap;
        this.directory = directory;
        this.recent = recent;
    }

    @Override
    public Result<User, AdminError> claimAdmin(ClaimAdminCommand command) {
        User caller = command.caller();
        // Only an own account's email is known to be the caller's (they signed up with it and sign in with it);
        // an external token's email claim is the frontend's word, unverified, so it never redeems a token. Better
        // Auth's users get the admin role from its admin plugin's role claim instead (AUTH_TRUST_ROLE_CLAIMS).
        if (caller.origin() != IdentitySource.Origin.OWN || caller.email() == null
                || !bootstrap.redeem(caller.email(), command.token())) {
            return Result.err(new AdminError.ClaimRefused());
        }
        return directory.change(caller.id(), new UserChanges(Optional.of(Role.ADMIN), Optional.empty()))
                .<Result<User, AdminError>>map(summary -> {
                    recent.forget(caller.id());
                    return Result.ok(summary.user());
                })
                .orElseGet(() -> Result.err(new AdminError.UserNotFound(caller.id().value())));
    }
}
