package app.todo.application.memory;

import app.todo.application.port.out.SigningKeyRepository;
import app.todo.application.port.out.SigningKeyRepositoryContract;

class InMemorySigningKeyRepositoryTest extends SigningKeyRepositoryContract {

    /** In memory there is only one instance: both "instances" share the one slot. */
    private final InMemorySigningKeyRepository keys = new InMemorySigningKeyRepository();

    @Override
    protected SigningKeyRepository keys() {
        return keys;
    }

    @Override
    protected SigningKeyRepository keysOfAnotherInstance() {
        return keys;
    }
}
