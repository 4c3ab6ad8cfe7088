package app.todo.application.port.out;

import app.todo.domain.user.Email;
import app.todo.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link AdminClaims} must do. The store may be shared by many tests: each uses addresses of its own. */
public abstract class AdminClaimsContract {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    /** A store to run one test against; it may hold data of other tests. */
    protected abstract AdminClaims newClaims();

    @Test
    void an_address_is_claimed_once_whoever_asks_again() {
        AdminClaims claims = newClaims();
        Email email = new Email("root+" + run + "@example.com");

        assertTrue(claims.recordFirst(email, new UserId("root-" + run), T0));
        assertFalse(claims.recordFirst(email, new UserId("root-" + run), T0.plusSeconds(60)), "the same user again");
        assertFalse(claims.recordFirst(new Email("ROOT+" + run + "@Example.com"), new UserId("other-" + run),
                T0.plusSeconds(120)), "another user, the address in other letters");
        assertTrue(claims.recordFirst(new Email("second+" + run + "@example.com"), new UserId("root-" + run), T0),
                "another address is its own");
    }

    @Test
    void an_address_counts_as_claimed_once_recorded_in_any_letters() {
        AdminClaims claims = newClaims();
        Email email = new Email("ops+" + run + "@example.com");

        assertFalse(claims.isClaimed(email));
        claims.recordFirst(email, new UserId("ops-" + run), T0);

        assertTrue(claims.isClaimed(new Email("OPS+" + run + "@example.com")));
        assertFalse(claims.isClaimed(new Email("ops2+" + run + "@example.com")));
    }

    @Test
    void of_racing_claims_of_one_address_exactly_one_is_first() throws Exception {
        AdminClaims claims = newClaims();
        Email email = new Email("race+" + run + "@example.com");

        List<Boolean> outcomes = Race.run(6, i -> () -> claims.recordFirst(email, new UserId("racer-" + i + "-" + run), T0));

        assertEquals(1, Collections.frequency(outcomes, true), outcomes.toString());
    }
}
