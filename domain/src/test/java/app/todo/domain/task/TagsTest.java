package app.todo.domain.task;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static app.todo.domain.shared.InvalidValues.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TagsTest {

    /** "café" composed (U+00E9) and decomposed (e + U+0301) look the same, so they are one tag. */
    @Test
    void tagsAreComparedInNormalizationFormC() {
        Tag composed = new Tag("caf\u00E9");
        Tag decomposed = new Tag("cafe\u0301");
        assertEquals(composed, decomposed);
        assertEquals("caf\u00E9", decomposed.value());
        assertEquals(new Tag("home"), new Tag("\u00A0Home\u00A0"));
    }

    @Test
    void tagIsTrimmedAndLowerCased() {
        assertEquals(new Tag("home"), new Tag("  HoMe "));
        assertEquals("home", new Tag("Home").toString());
    }

    @Test
    void tagHasOneToThirtyCodePoints() {
        assertEquals(30, new Tag("x".repeat(30)).value().length());
        assertEquals(60, new Tag("🏠".repeat(30)).value().length());
        assertRefused("tags", () -> new Tag("x".repeat(31)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void refusesEmptyTag(String empty) {
        assertRefused("tags", () -> new Tag(empty));
    }

    @Test
    void removesDuplicatesAfterLowerCasingKeepingFirstOrder() {
        Tags tags = Tags.of(List.of("work", "Home", "home", "WORK", "errands"));
        assertEquals(List.of("work", "home", "errands"), tags.asStrings());
    }

    @Test
    void allowsTenDistinctTagsEvenWhenMoreWereSent() {
        List<String> raw = new ArrayList<>(distinct(10));
        raw.addAll(distinct(10).stream().map(String::toUpperCase).toList());
        assertEquals(distinct(10), Tags.of(raw).asStrings());
    }

    @Test
    void refusesAnEleventhDistinctTag() {
        assertRefused("tags", () -> Tags.of(distinct(11)));
    }

    @Test
    void refusesMissingListOrMissingElement() {
        assertRefused("tags", () -> Tags.of(null));
        assertRefused("tags", () -> Tags.of(Arrays.asList("home", null)));
    }

    @Test
    void containsComparesLowerCasedTags() {
        Tags tags = Tags.of(List.of("Home"));
        assertTrue(tags.contains(new Tag("HOME")));
        assertFalse(tags.contains(new Tag("work")));
    }

    private static List<String> distinct(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "tag" + i).toList();
    }
}
