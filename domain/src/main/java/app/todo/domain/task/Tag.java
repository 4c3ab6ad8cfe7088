package app.todo.domain.task;

import app.todo.domain.shared.Text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A label, trimmed like a title, in Unicode normalization form C and lower-cased, so that "Home" and "home", and
 * "café" with a composed é or with e and a combining accent, are one tag; 1 to 30 code points.
 */
public record Tag(String value) {

    public static final int MAX_LENGTH = 30;

    public Tag {
        value = Normalizer.normalize(Text.wellFormed("tags", Text.stripInvisible(Text.required("tags", value)),
                Text.Kind.SINGLE_LINE), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        Text.lengthBetween("tags", value, 1, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
