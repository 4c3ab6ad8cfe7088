package app.todo.adapter.out.persistence.jooq;

import app.todo.application.port.out.ContractStore;
import app.todo.application.port.out.IdempotencyKeyRepositoryContract;

class PostgresJooqIdempotencyKeyRepositoryTest extends IdempotencyKeyRepositoryContract {

    @Override
    protected ContractStore newStore() {
        return SharedTestDatabases.contractStore(SharedTestDatabases.postgres());
    }
}
