package app.todo.domain.user;

import app.todo.domain.shared.InvalidValueException;
import app.todo.domain.shared.Text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** An email address, kept in Unicode NFKC and lower case, so that comparisons ignore case and encoding. */
public record Email(String value) {

    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");

    public Email {
        // NFKC first, so that "é" typed as one code point or as e + U+0301, and fullwidth "ａ", are one
        // address; then lower case, so that comparisons ignore case (docs/rules.md §2).
        value = Normalizer.normalize(Text.wellFormed("email", Text.required("email", value).strip(),
                Text.Kind.SINGLE_LINE), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        Text.lengthBetween("email", value, 3, 254);
        if (!SHAPE.matcher(value).matches()) {
            throw new InvalidValueException("email", "must be a valid email address");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
