package app.todo.domain.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static app.todo.domain.shared.InvalidValues.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextTest {

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u0000", "x\ud800y", "x\udc00y", "end\ud83d", "\udc00\ud800",
            "bell\u0007", "esc\u001b[31m", "del\u007f", "c1\u0085", "c1\u009f"})
    void refusesNulUnpairedSurrogatesAndControlCharactersInSingleLineText(String text) {
        assertRefused("title", () -> Text.wellFormed("title", text, Text.Kind.SINGLE_LINE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tab\there", "line\nbreak", "cr\rlf"})
    void multiLineTextMayHoldTabsAndLineBreaksButSingleLineTextMayNot(String text) {
        assertEquals(text, Text.wellFormed("description", text, Text.Kind.MULTI_LINE));
        assertRefused("title", () -> Text.wellFormed("title", text, Text.Kind.SINGLE_LINE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "x\ud800y", "bell\u0007"})
    void multiLineTextRefusesEverythingElse(String text) {
        assertRefused("description", () -> Text.wellFormed("description", text, Text.Kind.MULTI_LINE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "emoji 😀 and 👩‍👩‍👧 (ZWJ)", "e\u0301 combining", "עברית \u202Bbidi\u202C",
            "\uFFFD replacement", "\uFFFF nonchar", "中文"})
    void keepsEveryOtherScalarValueAsSent(String text) {
        assertEquals(text, Text.wellFormed("title", text, Text.Kind.SINGLE_LINE));
    }

    @Test
    void namesTheOffendingCodeUnit() {
        InvalidValueException e = assertRefused("q", () -> Text.wellFormed("q", "x\ud800", Text.Kind.MULTI_LINE));
        assertTrue(e.reason().contains("U+D800"), e.reason());
    }
}
