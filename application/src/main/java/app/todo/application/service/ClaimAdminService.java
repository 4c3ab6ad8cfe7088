package app.todo.application.service;

import app.todo.application.port.in.AdminError;
import app.todo.application.port.in.ClaimAdminCommand;
import app.todo.application.port.in.ClaimAdminUseCase;
import app.todo.application.port.out.AdminClaims;
import app.todo.application.port.out.Transactions;
import app.todo.application.port.out.UserDirectory;
import app.todo.domain.shared.Result;
import app.todo.domain.user.Role;
import app.todo.domain.user.User;
import app.todo.domain.user.UserChanges;
import app.todo.domain.user.IdentitySource;

import java.time.Clock;
import java.util.Optional;

/**
 * {@link ClaimAdminUseCase}: the stored role becomes admin once the bootstrap token is redeemed, and only the first
 * time an address redeems one on any instance ({@link AdminClaims}): every instance prints tokens of its own, and an
 * admin demoted later must not promote themself again with another instance's.
 */
public final class ClaimAdminService implements ClaimAdminUseCase {

    private final AdminBootstrap bootstrap;
    private final AdminClaims claims;
    private final UserDirectory directory;
    private final Transactions transactions;
    private final RecentCallers recent;
    private final Clock clock;

    public ClaimAdminService(AdminBootstrap bootstrap, AdminClaims claims, UserDirectory directory,
                             Transactions transactions, RecentCallers recent, Clock clock) {
        this.bootstrap = bootstrap;
        this.claims = claims;
        this.directory = directory;
        this.transactions = transactions;
        this.recent = recent;
        this.clock = clock;
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
        Result<User, AdminError> claimed = transactions.inTransaction(() -> {
            if (!claims.recordFirst(caller.email(), caller.id(), Times.now(clock))) {
                return Result.err(new AdminError.ClaimRefused());
            }
            return directory.change(caller.id(), new UserChanges(Optional.of(Role.ADMIN), Optional.empty()))
                    .<Result<User, AdminError>>map(summary -> Result.ok(summary.user()))
                    .orElseGet(() -> Result.err(new AdminError.UserNotFound(caller.id().value())));
        });
        if (claimed.isOk()) {
            recent.forget(caller.id());
        }
        return claimed;
    }
}
