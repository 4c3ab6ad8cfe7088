package app.todo.adapter.out.persistence.jooq;

import app.todo.application.port.out.SigningKeyRepositoryContract;

class PostgresJooqSigningKeyRepositoryTest extends SigningKeyRepositoryContract {

    @Override
    protected Instances newEmptyStore() {
        EmptiedTestDatabases.Pair databases = EmptiedTestDatabases.postgres();
        return new Instances(databases.one().signingKeyRepository(), databases.another().signingKeyRepository());
    }
}
