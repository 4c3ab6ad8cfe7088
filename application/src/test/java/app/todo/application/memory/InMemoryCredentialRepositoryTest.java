package app.todo.application.memory;

import app.todo.application.port.out.CredentialRepository;
import app.todo.application.port.out.CredentialRepositoryContract;
import app.todo.application.port.out.UserRepository;

class InMemoryCredentialRepositoryTest extends CredentialRepositoryContract {

    private final InMemoryStore store = new InMemoryStore();

    @Override
    protected CredentialRepository credentials() {
        return store.credentials();
    }

    @Override
    protected UserRepository users() {
        return store.users();
    }
}
