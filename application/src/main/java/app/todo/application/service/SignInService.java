package app.todo.application.service;

import app.todo.application.port.in.AccountError;
import app.todo.application.port.in.SignInCommand;
import app.todo.application.port.in.SignInUseCase;
import app.todo.application.port.out.CredentialRepository;
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

    public SignInService(CredentialRepository credentials, UserRepository users, PasswordHasher hasher) {
        this.credentials = credentials;
        this.users = users;
        this.hasher = hasher;
    }

    @Override
    public Result<User, AccountError> signIn(SignInCommand command) {
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
        return user.disabled() ? Result.err(new AccountError.AccountDisabled()) : Result.ok(user);
    }

    private static Optional<Email> email(String raw) {
        try {
            return Optional.of(new Email(raw));
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }
}
