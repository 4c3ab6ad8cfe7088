package app.todo.application.memory;

import app.todo.application.port.out.SessionRepositoryContract;

class InMemorySessionRepositoryTest extends SessionRepositoryContract {

    @Override
    protected Store newStore() {
        InMemoryStore store = new InMemoryStore();
        return new Store(store.sessions(), store.users());
    }
}
