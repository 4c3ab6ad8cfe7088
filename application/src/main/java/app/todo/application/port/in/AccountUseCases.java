package app.todo.application.port.in;

import java.util.Objects;
import java.util.stream.Stream;

/**
 * Every account, session and admin use case (docs/rules.md §2), bundled so that the routes that drive them take
 * one thing. {@code AccountUseCasesFactory} puts them together, for production and tests alike.
 */
public record AccountUseCases(
        SignUpUseCase signUp,
        SignInUseCase signIn,
        ClaimAdminUseCase claimAdmin,
        StartSessionUseCase startSession,
        RefreshSessionUseCase refreshSession,
        SignOutUseCase signOut,
        ListSessionsUseCase listSessions,
        RevokeSessionUseCase revokeSession,
        ChangePasswordUseCase changePassword,
        ListUsersUseCase listUsers,
        ChangeUserUseCase changeUser) {

    public AccountUseCases {
        Stream.of(signUp, signIn, claimAdmin, startSession, refreshSession, signOut, listSessions, revokeSession,
                changePassword, listUsers, changeUser).forEach(Objects::requireNonNull);
    }
}
