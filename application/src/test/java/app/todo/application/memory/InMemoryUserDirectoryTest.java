package app.todo.application.memory;

import app.todo.application.port.out.TaskRepository;
import app.todo.application.port.out.UserDirectory;
import app.todo.application.port.out.UserDirectoryContract;
import app.todo.application.port.out.UserRepository;

class InMemoryUserDirectoryTest extends UserDirectoryContract {

    private final InMemoryStore store = new InMemoryStore();

    @Override
    protected UserDirectory directory() {
        return store.userDirectory();
    }

    @Override
    protected UserRepository users() {
        return store.users();
    }

    @Override
    protected TaskRepository tasks() {
        return store.tasks();
    }
}
