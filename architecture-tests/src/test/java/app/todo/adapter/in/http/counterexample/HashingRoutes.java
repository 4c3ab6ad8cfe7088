package app.todo.adapter.in.http.counterexample;

import app.todo.application.port.out.PasswordHasher;
import app.todo.domain.account.PasswordHash;
import app.todo.domain.account.PlainPassword;

/** Breaks the driving edge's rules: it uses a driven port itself, and implements one. */
public final class HashingRoutes implements PasswordHasher {

    private final PasswordHasher delegate;

    public HashingRoutes(PasswordHasher delegate) {
        this.delegate = delegate;
    }

    @Override
    public PasswordHash hash(PlainPassword password) {
        return delegate.hash(password);
    }

    @Override
    public boolean verify(PlainPassword password, PasswordHash hash) {
        return delegate.verify(password, hash);
    }

    @Override
    public void verifyWithoutHash(PlainPassword password) {
        delegate.verifyWithoutHash(password);
    }
}
