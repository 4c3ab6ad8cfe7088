package app.todo.adapter.out.persistence.jooq;

import app.todo.application.port.out.SigningKeyRepositoryContract;

class H2JooqSigningKeyRepositoryTest extends SigningKeyRepositoryContract {

    @Override
    protected Instances newEmptyStore() {
        EmptiedTestDatabases.Pair databases = EmptiedTestDatabases.h2();
        return new Instances(databases.one().signingKeyRepository(), databases.another().signingKeyRepository());
    }
}
