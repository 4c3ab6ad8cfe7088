package app.todo.application.memory;

import app.todo.application.port.out.SigningKeyRepositoryContract;

class InMemorySigningKeyRepositoryTest extends SigningKeyRepositoryContract {

    /** In memory there is only one instance: both "instances" share the one slot. */
    @Override
    protected Instances newEmptyStore() {
        InMemorySigningKeyRepository keys = new InMemorySigningKeyRepository();
        return new Instances(keys, keys);
    }
}
