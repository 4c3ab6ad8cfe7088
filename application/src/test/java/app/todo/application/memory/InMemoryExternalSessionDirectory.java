package app.todo.application.memory;

import app.todo.domain.account.SessionCredential;
import app.todo.application.port.out.ExternalSessionDirectory;
import app.todo.application.port.out.IdentityProviderUnavailableException;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An identity provider's sessions in memory, counting every question it is asked. */
public final class InMemoryExternalSessionDirectory implements ExternalSessionDirectory {

    private final Map<String, ExternalSession> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile boolean away;
    private volatile boolean cookiesOnly;

    public void put(String token, ExternalSession session) {
        sessions.put(token, session);
    }

    public void remove(String token) {
        sessions.remove(token);
    }

    public void goAway() {
        away = true;
    }

    /** As a Better Auth without the bearer() plugin: a session answers to its cookie only. */
    public void cookiesOnly() {
        cookiesOnly = true;
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public Optional<ExternalSession> find(SessionCredential credential) {
        calls.incrementAndGet();
        if (away) {
            throw new IdentityProviderUnavailableException("the provider is away", null);
        }
        if (cookiesOnly && credential.cookieName().isEmpty()) {
            return Optional.empty();
        }
        String token = credential.token();
        int dot = token.lastIndexOf('.');
        return Optional.ofNullable(sessions.get(dot >= 0 ? token.substring(0, dot) : token));
    }
}
