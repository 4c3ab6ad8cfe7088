package app.todo.application.memory;

import app.todo.application.port.out.ContractStore;
import app.todo.application.port.out.UserRepositoryContract;

class InMemoryUserRepositoryTest extends UserRepositoryContract {

    @Override
    protected ContractStore newStore() {
        InMemoryStore store = new InMemoryStore();
        return new ContractStore(store.tasks(), store.users(), store.transactions(), store.idempotencyKeys());
    }
}
