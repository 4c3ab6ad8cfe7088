package app.todo.application.port.out;

import app.todo.application.port.out.CredentialRepository.Addition;
import app.todo.domain.account.Credential;
import app.todo.domain.account.PasswordHash;
import app.todo.domain.user.Email;
import app.todo.domain.user.Role;
import app.todo.domain.user.User;
import app.todo.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link CredentialRepository} must do. Subclasses give a repository and the user repository
 * of the same, empty store before each test.
 */
public abstract class CredentialRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    protected abstract CredentialRepository credentials();

    protected abstract UserRepository users();

    @Test
    void finds_a_credential_by_its_email_in_any_letter_case() {
        Credential ana = credential("ana-id", "ana@example.com", "hash-of-ana");

        assertEquals(Addition.ADDED, credentials().addUnlessEmailTaken(ana));

        assertEquals(ana, credentials().findByEmail(new Email("ANA@Example.COM")).orElseThrow());
        assertEquals("hash-of-ana", credentials().findByEmail(new Email("ana@example.com"))
                .orElseThrow().passwordHash().encoded());
    }

    @Test
    void an_unknown_email_finds_nothing() {
        credentials().addUnlessEmailTaken(credential("ana-id", "ana@example.com", "h1"));

        assertTrue(credentials().findByEmail(new Email("bob@example.com")).isEmpty());
    }

    @Test
    void a_taken_email_is_reported_and_the_first_credential_stays() {
        Credential first = credential("first-id", "same@example.com", "h1");
        Credential second = credential("second-id", "Same@Example.com", "h2");

        assertEquals(Addition.ADDED, credentials().addUnlessEmailTaken(first));
        assertEquals(Addition.EMAIL_TAKEN, credentials().addUnlessEmailTaken(second));

        assertEquals(first, credentials().findByEmail(new Email("same@example.com")).orElseThrow());
    }

    @Test
    void of_racing_sign_ups_with_one_email_exactly_one_wins() throws Exception {
        int contenders = 6;
        List<Credential> racers = java.util.stream.IntStream.range(0, contenders)
                .mapToObj(i -> credential("racer-" + i, "race@example.com", "h" + i))
                .toList();

        List<Addition> outcomes = Race.run(contenders, i -> () -> credentials().addUnlessEmailTaken(racers.get(i)));

        assertEquals(1, Collections.frequency(outcomes, Addition.ADDED), outcomes.toString());
        Credential stored = credentials().findByEmail(new Email("race@example.com")).orElseThrow();
        assertEquals(racers.get(outcomes.indexOf(Addition.ADDED)), stored);
    }

    /** Stores the credential's user first, as a sign-up does. */
    private Credential credential(String userId, String email, String hash) {
        User user = users().addIfAbsent(User.newcomer(new UserId(userId), new Email(email), null, Role.USER, T0));
        return new Credential(user.id(), new Email(email), new PasswordHash(hash));
    }
}
