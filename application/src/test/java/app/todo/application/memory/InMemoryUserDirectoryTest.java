package app.todo.application.memory;

import app.todo.application.port.out.UserDirectoryContract;

class InMemoryUserDirectoryTest extends UserDirectoryContract {

    @Override
    protected Store newEmptyStore() {
        InMemoryStore store = new InMemoryStore();
        return new Store(store.userDirectory(), store.users(), store.tasks());
    }
}
