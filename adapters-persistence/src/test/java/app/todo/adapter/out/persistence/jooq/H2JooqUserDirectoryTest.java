package app.todo.adapter.out.persistence.jooq;

import app.todo.application.port.out.UserDirectoryContract;

class H2JooqUserDirectoryTest extends UserDirectoryContract {

    @Override
    protected Store newEmptyStore() {
        JooqDatabase database = EmptiedTestDatabases.h2().one();
        return new Store(database.userDirectory(), database.userRepository(), database.taskRepository());
    }
}
