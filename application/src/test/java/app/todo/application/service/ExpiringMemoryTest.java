package app.todo.application.service;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExpiringMemoryTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void anEntryLastsUntilItsEndAndNotAtIt() {
        ExpiringMemory<String, Integer> memory = new ExpiringMemory<>(10);
        memory.put("a", 1, T0.plusSeconds(5), T0);

        assertEquals(Optional.of(1), memory.get("a", T0.plusSeconds(4)));
        assertEquals(Optional.empty(), memory.get("a", T0.plusSeconds(5)));
    }

    @Test
    void whenFullExpiredEntriesGoBeforeLiveOnesThenTheOldest() {
        ExpiringMemory<String, Integer> memory = new ExpiringMemory<>(3);
        memory.put("short", 0, T0.plusSeconds(1), T0);
        memory.put("old", 1, T0.plusSeconds(60), T0);
        memory.put("newer", 2, T0.plusSeconds(60), T0);

        Instant later = T0.plusSeconds(2);
        memory.put("newest", 3, later.plusSeconds(60), later);
        assertEquals(Optional.of(1), memory.get("old", later), "the expired entry made the room");

        memory.put("fifth", 4, later.plusSeconds(60), later);
        assertEquals(Optional.empty(), memory.get("old", later), "then the oldest goes");
        assertEquals(Optional.of(2), memory.get("newer", later));
        assertEquals(Optional.of(4), memory.get("fifth", later));
    }

    @Test
    void nothingIsRememberedWithoutRoomOrLifetimeOrOnceForgotten() {
        ExpiringMemory<String, Integer> none = new ExpiringMemory<>(0);
        none.put("a", 1, T0.plusSeconds(5), T0);
        ExpiringMemory<String, Integer> memory = new ExpiringMemory<>(5);
        memory.put("a", 1, T0, T0);
        memory.put("b", 2, T0.plusSeconds(5), T0);
        memory.forget("b");

        assertEquals(Optional.empty(), none.get("a", T0));
        assertEquals(Optional.empty(), memory.get("a", T0));
        assertEquals(Optional.empty(), memory.get("b", T0));
    }
}
