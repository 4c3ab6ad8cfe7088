package app.todo.application.port.out;

import app.todo.domain.user.Email;
import app.todo.domain.user.UserId;

import java.time.Instant;

/**
 * The {@code ADMIN_EMAILS} addresses that have redeemed a start-up token, kept by the database so that the first
 * redemption is the only one across every instance (each instance prints tokens of its own).
 */
public interface AdminClaims {

    /**
     * Records that {@code user} redeemed {@code email}'s token at {@code at}, unless that address already has;
     * true when this call recorded it. Safe when two claims race: exactly one is true. Joins the surrounding
     * transaction ({@link Transactions}), so a claim whose promotion fails leaves no record.
     */
    boolean recordFirst(Email email, UserId user, Instant at);

    /** Whether {@code email} has redeemed a token already, on any instance: then a new one would not work. */
    boolean isClaimed(Email email);
}
