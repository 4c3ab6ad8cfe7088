package app.todo.domain.shared;

/** Text rules shared by value objects. Lengths count Unicode code points, as the contract says. */
public final class Text {

    private Text() {
    }

    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    public static String required(String field, String value) {
        if (value == null) {
            throw new InvalidValueException(field, "is required");
        }
        return value;
    }

    public static void lengthBetween(String field, String value, int min, int max) {
        int length = length(value);
        if (length < min || length > max) {
            throw new InvalidValueException(field, min == max
                    ? "must be " + min + " characters long"
                    : "must be " + min + " to " + max + " characters long (got " + length + ")");
        }
    }
}
