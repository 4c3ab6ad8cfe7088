package app.todo.adapter.out.persistence.jooq;

import app.todo.application.port.out.ContractStore;
import app.todo.application.port.out.RollingBackTransactionsContract;

class H2JooqTransactionsTest extends RollingBackTransactionsContract {

    @Override
    protected ContractStore newStore() {
        return SharedTestDatabases.contractStore(SharedTestDatabases.h2());
    }
}
