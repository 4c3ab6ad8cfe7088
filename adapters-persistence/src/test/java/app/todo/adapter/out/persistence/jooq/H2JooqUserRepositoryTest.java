package app.todo.adapter.out.persistence.jooq;

import app.todo.application.port.out.ContractStore;
import app.todo.application.port.out.UserRepositoryContract;

class H2JooqUserRepositoryTest extends UserRepositoryContract {

    @Override
    protected ContractStore newStore() {
        return SharedTestDatabases.contractStore(SharedTestDatabases.h2());
    }
}
