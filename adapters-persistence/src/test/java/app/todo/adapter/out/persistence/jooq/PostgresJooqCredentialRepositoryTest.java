package app.todo.adapter.out.persistence.jooq;

import app.todo.application.port.out.CredentialRepositoryContract;

class PostgresJooqCredentialRepositoryTest extends CredentialRepositoryContract {

    @Override
    protected Store newStore() {
        JooqDatabase database = SharedTestDatabases.postgres();
        return new Store(database.credentialRepository(), database.userRepository(), database.transactions());
    }
}
