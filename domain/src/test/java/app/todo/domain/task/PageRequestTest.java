package app.todo.domain.task;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static app.todo.domain.shared.InvalidValues.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PageRequestTest {

    @Test
    void firstPageHoldsTheDefaultHundred() {
        assertEquals(new PageRequest(100, 0), PageRequest.FIRST);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100, 500})
    void acceptsLimitsFromOneToFiveHundred(int limit) {
        assertEquals(limit, new PageRequest(limit, 7).limit());
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 501})
    void refusesLimitsOutsideTheBounds(int limit) {
        assertRefused("limit", () -> new PageRequest(limit, 0));
    }

    @Test
    void refusesNegativeOffsetsAndOnesNearOverflowButAcceptsLargeOnes() {
        assertRefused("offset", () -> new PageRequest(10, -1));
        assertRefused("offset", () -> new PageRequest(10, Long.MAX_VALUE - 5));
        assertRefused("offset", () -> new PageRequest(10, PageRequest.MAX_OFFSET + 1));
        assertEquals(PageRequest.MAX_OFFSET, new PageRequest(10, PageRequest.MAX_OFFSET).offset());
    }
}
