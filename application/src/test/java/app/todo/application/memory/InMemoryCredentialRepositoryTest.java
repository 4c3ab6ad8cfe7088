package app.todo.application.memory;

import app.todo.application.port.out.CredentialRepositoryContract;

class InMemoryCredentialRepositoryTest extends CredentialRepositoryContract {

    @Override
    protected Store newStore() {
        InMemoryStore store = new InMemoryStore();
        return new Store(store.credentials(), store.users(), store.transactions());
    }
}
