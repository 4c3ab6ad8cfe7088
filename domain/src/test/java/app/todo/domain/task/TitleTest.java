package app.todo.domain.task;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static app.todo.domain.shared.InvalidValues.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TitleTest {

    @Test
    void isTrimmed() {
        assertEquals("Buy milk", new Title(" \t Buy milk \n").value());
    }

    /** Text the eye cannot tell from nothing is blank: no-break spaces, figure and narrow spaces, zero-width ones. */
    @Test
    void invisibleSpacesAreTrimmedLikeSpacesSoATitleOfThemIsBlank() {
        for (String blank : new String[] {"\u00A0", "\u2007\u2007", "\u202F", "\u00A0\u200B\uFEFF", "\u3000"}) {
            org.junit.jupiter.api.Assertions.assertThrows(app.todo.domain.shared.InvalidValueException.class,
                    () -> new Title(blank), () -> "blank: " + blank.codePoints().mapToObj(Integer::toHexString).toList());
        }
        assertEquals("Buy milk", new Title("\u00A0Buy milk\u202F").value());
        assertEquals("a\u00A0b", new Title("a\u00A0b").value(), "inside a title it stays");
    }

    @Test
    void countsCodePointsSoAnEmojiIsOneCharacter() {
        String emoji = "😀"; // two UTF-16 chars, one code point
        assertEquals(400, new Title(emoji.repeat(200)).value().length());
        assertRefused("title", () -> new Title(emoji.repeat(201)));
    }

    @Test
    void acceptsOneToTwoHundredCharactersAfterTrimming() {
        assertEquals("x", new Title("  x  ").value());
        assertEquals(200, new Title(" " + "x".repeat(200) + " ").value().length());
        assertRefused("title", () -> new Title("x".repeat(201)));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n", "\u2003"})
    void refusesMissingOrBlank(String blank) {
        assertRefused("title", () -> new Title(blank));
    }
}
