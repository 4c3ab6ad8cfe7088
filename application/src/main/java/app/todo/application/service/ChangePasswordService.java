package app.todo.application.service;

import app.todo.application.port.in.AccountError;
import app.todo.application.port.in.ChangePasswordCommand;
import app.todo.application.port.in.ChangePasswordUseCase;
import app.todo.application.port.out.CredentialRepository;
import app.todo.application.port.out.PasswordHasher;
import app.todo.application.port.out.SessionRepository;
import app.todo.application.port.out.Transactions;
import app.todo.domain.account.Credential;
import app.todo.domain.account.PasswordHash;
import app.todo.domain.account.PasswordPolicy;
import app.todo.domain.account.PlainPassword;
import app.todo.domain.shared.Result;
import app.todo.domain.shared.Validation;
import app.todo.domain.user.User;

import java.time.Clock;
import java.util.Optional;

/**
 * {@link ChangePasswordUseCase}: the current password is checked like a sign-in (one Argon2 computation
 * whatever happens), the new one must follow the password policy, and every other session of the user
 * is revoked, so a thief holding one loses it.
 */
public final class ChangePasswordService implements ChangePasswordUseCase {

    private final CredentialRepository credentials;
    private final PasswordHasher hasher;
    private final SessionRepository sessions;
    private final SessionLiveness liveness;
    private final Clock clock;
    private final Transactions transactions;

    public ChangePasswordService(CredentialRepository credentials, PasswordHasher hasher, SessionRepository sessions,
                                 SessionLiveness liveness, Clock clock, Transactions transactions) {
        this.credentials = credentials;
        this.hasher = hasher;
        this.transactions = transactions;
        this.sessions = sessions;
        this.liveness = liveness;
        this.clock = clock;
    }

    @Override
    public Result<User, AccountError> changePassword(ChangePasswordCommand command) {
        Validation v = new Validation();
        PlainPassword next = v.check(() -> PasswordPolicy.acceptable("new_password", command.newPassword()));
        if (command.currentPassword() == null) {
            v.reject("current_password", "is required");
        }
        if (v.hasErrors()) {
            return Result.err(new AccountError.InvalidAccount(v.errors()));
        }
        User caller = command.caller();
        Optional<Credential> credential = credentials.findByUser(caller.id());
        if (credential.isEmpty()) {
            hasher.verifyWithoutHash(command.currentPassword());
            return Result.err(new AccountError.InvalidCredentials());
        }
        if (!hasher.verify(command.currentPassword(), credential.get().passwordHash())) {
            return Result.err(new AccountError.InvalidCredentials());
        }
        PasswordHash hash = hasher.hash(next);
        var now = Times.now(clock);
        // One transaction: the new hash locks the credential's row until the other sessions are ended, so a
        // sign-in that checked the old password either opened its session before (ended here) or fails.
        var others = transactions.inTransaction(() -> {
            credentials.replacePasswordHash(caller.id(), hash);
            var ended = sessions.liveSessionsOf(caller.id(), now).stream()
                    .filter(s -> command.keepSession().map(keep -> !keep.equals(s.id())).orElse(true)).toList();
            sessions.revokeAllOf(caller.id(), now, command.keepSession());
            return ended;
        });
        liveness.forgetAll(others);
        return Result.ok(caller);
    }
}
