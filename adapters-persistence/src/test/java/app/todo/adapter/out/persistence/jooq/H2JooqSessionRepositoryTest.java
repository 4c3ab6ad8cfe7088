package app.todo.adapter.out.persistence.jooq;

import app.todo.application.port.out.SessionRepositoryContract;

class H2JooqSessionRepositoryTest extends SessionRepositoryContract {

    @Override
    protected Store newStore() {
        JooqDatabase database = SharedTestDatabases.h2();
        return new Store(database.sessionRepository(), database.userRepository());
    }
}
