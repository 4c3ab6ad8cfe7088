package app.todo.adapter.out.persistence.jooq;

import app.todo.application.port.out.UserDirectoryContract;

class PostgresJooqUserDirectoryTest extends UserDirectoryContract {

    @Override
    protected Store newEmptyStore() {
        JooqDatabase database = EmptiedTestDatabases.postgres().one();
        return new Store(database.userDirectory(), database.userRepository(), database.taskRepository());
    }
}
