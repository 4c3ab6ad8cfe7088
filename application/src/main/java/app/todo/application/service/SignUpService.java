package app.todo.application.service;

import app.todo.application.port.in.AccountError;
import app.todo.application.port.in.SignUpCommand;
import app.todo.application.port.in.SignUpUseCase;
import app.todo.application.port.out.CredentialRepository;
import app.todo.application.port.out.PasswordHasher;
import app.todo.application.port.out.Transactions;
import app.todo.application.port.out.UserRepository;
import app.todo.domain.account.Credential;
import app.todo.domain.account.PasswordHash;
import app.todo.domain.account.PasswordPolicy;
import app.todo.domain.account.PlainPassword;
import app.todo.domain.shared.InvalidValueException;
import app.todo.domain.shared.Result;
import app.todo.domain.shared.Text;
import app.todo.domain.shared.Validation;
import app.todo.domain.user.Email;
import app.todo.domain.user.Role;
import app.todo.domain.user.User;
import app.todo.domain.user.UserId;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

public final class SignUpService implements SignUpUseCase {

    /** As many characters as a user's name may keep (counted both ways, so nothing is cut). */
    public static final int MAX_NAME_LENGTH = 255;

    /** 24 random bytes: 32 url-safe characters, as opaque as the ids other identity providers hand out. */
    private static final int ID_BYTES = 24;

    private final UserRepository users;
    private final CredentialRepository credentials;
    private final PasswordHasher hasher;
    private final Transactions transactions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * Every new account is a plain user: an {@code ADMIN_EMAILS} address becomes admin only once proven
     * ({@link ClaimAdminService}), never by signing up first (docs/rules.md §2).
     */
    public SignUpService(UserRepository users, CredentialRepository credentials, PasswordHasher hasher,
                         Transactions transactions, Clock clock) {
        this.users = users;
        this.credentials = credentials;
        this.hasher = hasher;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Result<User, AccountError> signUp(SignUpCommand command) {
        Validation v = new Validation();
        Email email = v.check(() -> new Email(command.email()));
        PlainPassword password = v.check(() -> PasswordPolicy.acceptable("password", command.password()));
        String name = v.check(() -> name(command.name()));
        if (v.hasErrors()) {
            return Result.err(new AccountError.InvalidAccount(v.errors()));
        }
        // Sign-up says "taken" anyway, so checking first leaks nothing and spares a slow hash.
        if (credentials.findByEmail(email).isPresent()) {
            return Result.err(new AccountError.EmailTaken());
        }
        // Hashing is slow on purpose: done before the transaction, so it holds no connection meanwhile.
        PasswordHash hash = hasher.hash(password);
        User newcomer = User.ownAccount(newId(), email, name, Role.USER, Times.now(clock));
        try {
            return Result.ok(transactions.inTransaction(() -> register(newcomer, hash)));
        } catch (EmailTakenMeanwhile e) {
            return Result.err(new AccountError.EmailTaken());
        }
    }

    private User register(User newcomer, PasswordHash hash) {
        User stored = users.addIfAbsent(newcomer);
        if (!stored.equals(newcomer)) {
            throw new IllegalStateException("a fresh random user id is already taken");
        }
        if (credentials.addUnlessEmailTaken(new Credential(newcomer.id(), newcomer.email(), hash))
                == CredentialRepository.Addition.EMAIL_TAKEN) {
            // Another sign-up with this email won the race: throwing undoes the user row too.
            throw new EmailTakenMeanwhile();
        }
        return stored;
    }

    private UserId newId() {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return new UserId(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Optional; trimmed, and blank counts as absent. */
    private static String name(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String name = Text.wellFormed("name", raw.strip(), Text.Kind.SINGLE_LINE);
        if (Text.length(name) > MAX_NAME_LENGTH || name.length() > MAX_NAME_LENGTH) {
            throw new InvalidValueException("name", "must be at most " + MAX_NAME_LENGTH + " characters long");
        }
        return name;
    }

    private static final class EmailTakenMeanwhile extends RuntimeException {
        EmailTakenMeanwhile() {
            super("email taken meanwhile", null, false, false);
        }
    }
}
