package app.todo.application.service;

import app.todo.application.port.in.AccountError;
import app.todo.application.port.in.SignInCommand;
import app.todo.application.port.in.SignInUseCase;
import app.todo.application.port.in.StartSessionCommand;
import app.todo.application.port.in.StartSessionUseCase;
import app.todo.application.port.out.CredentialRepository;
import app.todo.application.port.out.Transactions;
import app.todo.domain.account.PasswordHash;
import app.todo.application.port.out.PasswordHasher;
import app.todo.application.port.out.UserRepository;
import app.todo.domain.account.Credential;
import app.todo.domain.account.PlainPassword;
import app.todo.domain.shared.InvalidValueException;
import app.todo.domain.shared.Result;
import app.todo.domain.shared.Validation;
import app.todo.domain.user.Email;
import app.todo.domain.user.User;

import java.util.Optional;

public final class SignInService implements SignInUseCase {

    private final CredentialRepository credentials;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Transactions transactions;
    private final StartSessionUseCase sessions;

    /** @param sessions opens the session, inside the transaction that holds the checked credential */
    public SignInService(CredentialRepository credentials, UserRepository users, PasswordHasher hasher,
                         Transactions transactions, StartSessionUseCase sessions) {
        this.credentials = credentials;
        this.users = users;
        this.hasher = hasher;
        this.transactions = transactions;
        this.sessions = sessions;
    }

    @Override
    public Result<SignedIn, AccountError> signIn(SignInCommand command) {
        Validation v = new Validation();
        if (command.email() == null) {
            v.reject("email", "is required");
        }
        if (command.password() == null) {
            v.reject("password", "is required");
        }
        if (v.hasErrors()) {
            return Result.err(new AccountError.InvalidAccount(v.errors()));
        }
        PlainPassword password = command.password();
        // Unknown and malformed emails cost a hash too, and end in the same error as a wrong password:
        // neither the answer nor its timing tells whether an email is registered.
        Optional<Credential> credential = email(command.email()).flatMap(credentials::findByEmail);
        if (credential.isEmpty()) {
            hasher.verifyWithoutHash(password);
            return Result.err(new AccountError.InvalidCredentials());
        }
        if (!hasher.verify(password, credential.get().passwordHash())) {
            return Result.err(new AccountError.InvalidCredentials());
        }
        User user = users.find(credential.get().userId()).orElseThrow(() -> new IllegalStateException(
                "credential without a user: " + credential.get().userId()));
        // Told only to whoever knows the password, so it reveals nothing to a guesser.
        if (user.disabled()) {
            return Result.err(new AccountError.AccountDisabled());
        }
        PasswordHash checked = credential.get().passwordHash();
        // The password was checked against a hash read before the (slow) check: the session opens only if that
        // hash is still the current one, its row locked meanwhile. A password change committed in between is
        // seen here; one that comes later waits for this session and then ends it with the others.
        return transactions.inTransaction(() -> credentials.passwordHashForUpdate(user.id())
                .filter(checked::equals)
                .<Result<SignedIn, AccountError>>map(current -> Result.ok(new SignedIn(user,
                        sessions.start(new StartSessionCommand(user, command.userAgent())))))
                .orElseGet(() -> Result.err(new AccountError.InvalidCredentials())));
    }

    private static Optional<Email> email(String raw) {
        try {
            return Optional.of(new Email(raw));
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }
}
