package app.todo.adapter.in.http.account;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static app.todo.adapter.in.http.testing.Responses.assertProblem;
import static app.todo.adapter.in.http.testing.Responses.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract's limits, all from one client address (the test's loopback), on a clock the test moves. */
class RateLimitTest extends AccountApiSupport {

    @Test
    void a_sixth_sign_up_in_a_minute_waits_and_the_wait_ends() {
        for (int i = 0; i < 5; i++) {
            assertEquals(201, signUp(i + email, PASSWORD).statusCode());
        }

        HttpResponse<String> sixth = signUp("6" + email, PASSWORD);

        assertProblem(sixth, 429);
        assertRetryAfterWithinAMinute(sixth);
        CLOCK.advance(Duration.ofSeconds(61));
        assertEquals(201, signUp("6" + email, PASSWORD).statusCode());
    }

    @Test
    void a_sixth_sign_in_for_one_email_waits_while_other_emails_still_may_try() {
        signUp(email, PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertEquals(401, signIn(email, "wrong password " + i).statusCode());
        }

        HttpResponse<String> sixth = signIn(email, PASSWORD);

        assertProblem(sixth, 429);
        assertRetryAfterWithinAMinute(sixth);
        assertEquals(401, signIn("other-" + email, PASSWORD).statusCode(), "another email is not limited yet");
    }

    @Test
    void the_letter_case_of_an_email_does_not_dodge_its_limit() {
        for (int i = 0; i < 5; i++) {
            signIn(i % 2 == 0 ? email : email.toUpperCase(), "wrong password");
        }

        assertProblem(signIn(email.toUpperCase(), "wrong password"), 429);
    }

    @Test
    void a_twenty_first_sign_in_from_one_address_waits_whatever_the_email() {
        for (int i = 0; i < 20; i++) {
            assertEquals(401, signIn(i + email, "wrong password").statusCode());
        }

        HttpResponse<String> twentyFirst = signIn("21" + email, "wrong password");

        assertProblem(twentyFirst, 429);
        assertRetryAfterWithinAMinute(twentyFirst);
    }

    private static void assertRetryAfterWithinAMinute(HttpResponse<String> response) {
        int seconds = Integer.parseInt(header(response, "Retry-After"));
        assertTrue(seconds >= 1 && seconds <= 60, "Retry-After " + seconds);
    }
}
