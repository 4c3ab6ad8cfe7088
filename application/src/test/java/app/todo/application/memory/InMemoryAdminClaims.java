package app.todo.application.memory;

import app.todo.application.port.out.AdminClaims;
import app.todo.domain.user.Email;
import app.todo.domain.user.UserId;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Admin claims in memory, for tests: the first put for an address wins. */
public final class InMemoryAdminClaims implements AdminClaims {

    private final Map<Email, UserId> claimed = new ConcurrentHashMap<>();

    @Override
    public boolean recordFirst(Email email, UserId user, Instant at) {
        return claimed.putIfAbsent(email, user) == null;
    }

    @Override
    public boolean isClaimed(Email email) {
        return claimed.containsKey(email);
    }
}
