package app.todo.adapter.in.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AuthenticationFilterTest {

    @Test
    void anErrorDescriptionCannotBreakOutOfItsHeaderOrQuotes() {
        assertEquals("bad token, said he injected: x",
                AuthenticationFilter.headerSafe("bad \"token\", said he\\\r\n injected: x"));
    }

    @Test
    void anEmptyReasonStillGivesADescription() {
        assertEquals("The token is invalid", AuthenticationFilter.headerSafe(null));
        assertEquals("The token is invalid", AuthenticationFilter.headerSafe("\r\n"));
    }
}
