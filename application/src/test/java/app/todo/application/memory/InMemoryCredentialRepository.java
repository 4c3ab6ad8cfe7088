package app.todo.application.memory;

import app.todo.domain.user.UserId;

import app.todo.domain.account.PasswordHash;

import app.todo.application.port.out.CredentialRepository;
import app.todo.domain.account.Credential;
import app.todo.domain.user.Email;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Credentials in a map keyed by the (already lower-case) email; insertion is the uniqueness check. */
public final class InMemoryCredentialRepository implements CredentialRepository {

    private final Map<Email, Credential> byEmail = new ConcurrentHashMap<>();
    private final InMemoryUserRepository users;

    /** @param users where the credentials' users must already be, as a foreign key would insist */
    public InMemoryCredentialRepository(InMemoryUserRepository users) {
        this.users = users;
    }

    @Override
    public Optional<Credential> findByEmail(Email email) {
        return Optional.ofNullable(byEmail.get(email));
    }

    @Override
    public Optional<Credential> findByUser(UserId user) {
        return byEmail.values().stream().filter(c -> c.userId().equals(user)).findFirst();
    }

    /** The lock is the store's one lock, held by {@link InMemoryTransactions} for the whole transaction. */
    @Override
    public Optional<PasswordHash> passwordHashForUpdate(UserId user) {
        return findByUser(user).map(Credential::passwordHash);
    }

    @Override
    public boolean replacePasswordHash(UserId user, PasswordHash hash) {
        Optional<Credential> current = findByUser(user);
        current.ifPresent(c -> byEmail.put(c.email(), new Credential(c.userId(), c.email(), hash)));
        return current.isPresent();
    }

    @Override
    public Addition addUnlessEmailTaken(Credential credential) {
        if (users.find(credential.userId()).isEmpty()) {
            throw new IllegalStateException("no user " + credential.userId() + " for this credential");
        }
        return byEmail.putIfAbsent(credential.email(), credential) == null ? Addition.ADDED : Addition.EMAIL_TAKEN;
    }
}
