package app.todo.adapter.persistence.jooq;

import app.todo.application.port.out.ContractStore;
import app.todo.application.port.out.TransactionsContract;

class H2JooqTransactionsTest extends TransactionsContract {

    @Override
    protected ContractStore newStore() {
        return SharedTestDatabases.contractStore(SharedTestDatabases.h2());
    }
}
