package app.todo.domain.user;

import app.todo.domain.shared.InvalidValueException;
import app.todo.domain.shared.Text;

import java.util.Locale;
import java.util.regex.Pattern;

/** An email address, kept lower-case so that comparisons ignore case. */
public record Email(String value) {

    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");

    public Email {
        value = Text.wellFormed("email", Text.required("email", value).strip(), Text.Kind.SINGLE_LINE).toLowerCase(Locale.ROOT);
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
