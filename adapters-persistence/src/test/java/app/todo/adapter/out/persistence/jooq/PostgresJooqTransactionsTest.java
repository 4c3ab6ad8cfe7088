package app.todo.adapter.out.persistence.jooq;

import app.todo.application.port.out.ContractStore;
import app.todo.application.port.out.RollingBackTransactionsContract;

class PostgresJooqTransactionsTest extends RollingBackTransactionsContract {

    @Override
    protected ContractStore newStore() {
        return SharedTestDatabases.contractStore(SharedTestDatabases.postgres());
    }
}
