package app.todo.adapter.out.persistence.jooq;

import app.todo.application.port.out.CredentialRepositoryContract;

class H2JooqCredentialRepositoryTest extends CredentialRepositoryContract {

    @Override
    protected Store newStore() {
        JooqDatabase database = SharedTestDatabases.h2();
        return new Store(database.credentialRepository(), database.userRepository(), database.transactions());
    }
}
