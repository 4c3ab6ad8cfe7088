package app.todo.adapter.in.http;

import app.todo.adapter.in.http.problem.BearerChallenge;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AuthenticationFilterTest {

    @Test
    void anErrorDescriptionCannotBreakOutOfItsHeaderOrQuotes() {
        assertEquals("bad token, said he injected: x",
                BearerChallenge.headerSafe("bad \"token\", said he\\\r\n injected: x"));
    }

    @Test
    void anEmptyReasonStillGivesADescription() {
        assertEquals("The token is invalid", BearerChallenge.headerSafe(null));
        assertEquals("The token is invalid", BearerChallenge.headerSafe("\r\n"));
    }
}
