package app.todo.domain.task;

import app.todo.domain.shared.Text;

import java.util.Locale;

/** A label, lower-cased so that "Home" and "home" are one tag; 1 to 30 code points. */
public record Tag(String value) {

    public static final int MAX_LENGTH = 30;

    public Tag {
        value = Text.wellFormed("tags", Text.required("tags", value).strip(), Text.Kind.SINGLE_LINE).toLowerCase(Locale.ROOT);
        Text.lengthBetween("tags", value, 1, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
