package app.todo.application.memory;

import app.todo.application.port.out.PasswordHasher;
import app.todo.application.port.out.PasswordHasherContract;

class InMemoryPasswordHasherTest extends PasswordHasherContract {

    private final InMemoryPasswordHasher hasher = new InMemoryPasswordHasher();

    @Override
    protected PasswordHasher hasher() {
        return hasher;
    }
}
