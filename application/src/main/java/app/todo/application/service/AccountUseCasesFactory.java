package app.todo.application.service;

import app.todo.application.port.in.AccountUseCases;
import app.todo.application.port.out.AdminClaims;
import app.todo.application.port.out.CredentialRepository;
import app.todo.application.port.out.PasswordHasher;
import app.todo.application.port.out.SessionRepository;
import app.todo.application.port.out.Transactions;
import app.todo.application.port.out.UserDirectory;
import app.todo.application.port.out.UserRepository;

import java.time.Clock;
import java.time.Duration;

/**
 * The one place the account use cases are put together over their driven ports: production's wiring and the
 * tests' servers both call it, so a new account use case is added here and in {@link AccountUseCases}, nowhere
 * else.
 */
public final class AccountUseCasesFactory {

    private AccountUseCasesFactory() {
    }

    /** The driven ports the account use cases need. */
    public record Stores(UserRepository users, CredentialRepository credentials, SessionRepository sessions,
                         UserDirectory directory, Transactions transactions, AdminClaims adminClaims) {
    }

    /**
     * @param admins     who may claim the admin role, and with which one-time tokens
     * @param recent     the callers remembered for a few seconds, forgotten on a role or status change
     * @param liveness   the sessions remembered alive for a few seconds, forgotten when one ends here
     * @param sessionTtl how long a session lives without a refresh ({@code AUTH_SESSION_TTL})
     */
    public static AccountUseCases over(Stores stores, PasswordHasher hasher, AdminBootstrap admins, RecentCallers recent,
                                       SessionLiveness liveness, Clock clock, Duration sessionTtl) {
        StartSessionService startSession = new StartSessionService(stores.sessions(), clock, sessionTtl);
        return new AccountUseCases(
                new SignUpService(stores.users(), stores.credentials(), hasher, stores.transactions(), clock),
                new SignInService(stores.credentials(), stores.users(), hasher, stores.transactions(), startSession),
                new ClaimAdminService(admins, stores.adminClaims(), stores.directory(), stores.transactions(), recent,
                        clock),
                startSession,
                new RefreshSessionService(stores.sessions(), stores.users(), liveness, clock, sessionTtl),
                new SignOutService(stores.sessions(), liveness, clock),
                new ListSessionsService(stores.sessions(), clock),
                new RevokeSessionService(stores.sessions(), liveness, clock),
                new ChangePasswordService(stores.credentials(), hasher, stores.sessions(), liveness, clock,
                        stores.transactions()),
                new ListUsersService(stores.directory()),
                new ChangeUserService(stores.directory(), stores.users(), recent, stores.sessions(), clock));
    }
}
