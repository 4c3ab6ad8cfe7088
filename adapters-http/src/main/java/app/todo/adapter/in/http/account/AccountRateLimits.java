package app.todo.adapter.in.http.account;

import app.todo.application.service.AttemptLimits;

import java.util.Objects;

/**
 * The account routes' limits (docs/rules.md §2, numbers in {@link AttemptLimits}) and how a request's client
 * address is read, the one part of them that is HTTP's.
 */
public record AccountRateLimits(AttemptLimits attempts, ClientAddress clientAddress) {

    public AccountRateLimits {
        Objects.requireNonNull(attempts, "attempts");
        Objects.requireNonNull(clientAddress, "clientAddress");
    }
}
