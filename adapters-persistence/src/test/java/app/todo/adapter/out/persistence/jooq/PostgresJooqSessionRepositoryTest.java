package app.todo.adapter.out.persistence.jooq;

import app.todo.application.port.out.SessionRepositoryContract;

class PostgresJooqSessionRepositoryTest extends SessionRepositoryContract {

    @Override
    protected Store newStore() {
        JooqDatabase database = SharedTestDatabases.postgres();
        return new Store(database.sessionRepository(), database.userRepository());
    }
}
