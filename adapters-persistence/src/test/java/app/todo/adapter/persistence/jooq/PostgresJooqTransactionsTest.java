package app.todo.adapter.persistence.jooq;

import app.todo.application.port.out.ContractStore;
import app.todo.application.port.out.TransactionsContract;

class PostgresJooqTransactionsTest extends TransactionsContract {

    @Override
    protected ContractStore newStore() {
        return SharedTestDatabases.contractStore(SharedTestDatabases.postgres());
    }
}
