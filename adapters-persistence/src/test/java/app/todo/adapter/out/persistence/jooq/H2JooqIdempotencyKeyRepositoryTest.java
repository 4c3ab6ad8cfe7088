package app.todo.adapter.out.persistence.jooq;

import app.todo.application.port.out.ContractStore;
import app.todo.application.port.out.IdempotencyKeyRepositoryContract;

class H2JooqIdempotencyKeyRepositoryTest extends IdempotencyKeyRepositoryContract {

    @Override
    protected ContractStore newStore() {
        return SharedTestDatabases.contractStore(SharedTestDatabases.h2());
    }
}
