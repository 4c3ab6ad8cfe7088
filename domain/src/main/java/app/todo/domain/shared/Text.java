package app.todo.domain.shared;

/**
 * Text rules shared by value objects. Lengths count Unicode code points, as the contract says (§3).
 *
 * <p>Every text a client can send that is stored or searched passes {@link #wellFormed} first, so that
 * every store answers alike and what a {@code 2xx} acknowledged is exactly what a later read returns
 * (docs/rules.md §3). PostgreSQL cannot hold U+0000 and PgJDBC writes an unpaired surrogate as {@code ?},
 * while the embedded store keeps both as sent: refusing them here is what makes the stores agree.
 *
 * <p>The policy, by {@link Kind}:
 * <ul>
 *   <li>everywhere: only Unicode scalar values (no unpaired surrogate half) and no U+0000;</li>
 *   <li>single-line fields are trimmed first, so a title ending in a line break is simply trimmed;</li>
 *   <li>everywhere: no other control character (C0 U+0001–U+001F, DEL U+007F, C1 U+0080–U+009F), except
 *       that {@link Kind#MULTI_LINE} text may hold TAB, LF and CR (a description has lines);</li>
 *   <li>format characters (category Cf: zero-width joiners in emoji sequences, bidirectional marks and
 *       overrides) are accepted: right-to-left scripts and emoji need them, and showing text as text is
 *       the client's job.</li>
 * </ul>
 */
public final class Text {

    /** Which characters besides printable text a field accepts. */
    public enum Kind {
        /** A description, and search text (which looks into descriptions): TAB, LF and CR are allowed. */
        MULTI_LINE,
        /** Titles, names, tags, emails, user ids: no control character at all. */
        SINGLE_LINE
    }

    private Text() {
    }

    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /**
     * {@code value} without leading and trailing white space in Unicode's sense: what {@link String#strip}
     * removes, plus the space separators it keeps (no-break space U+00A0, figure space U+2007, narrow no-break
     * space U+202F) and the invisible zero-width space U+200B, word joiner U+2060 and U+FEFF, so a title of
     * nothing the eye can see is blank.
     */
    public static String stripInvisible(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && invisible(value.charAt(start))) {
            start++;
        }
        while (end > start && invisible(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean invisible(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\u2060' || c == '\uFEFF';
    }

    public static String required(String field, String value) {
        if (value == null) {
            throw new InvalidValueException(field, "is required");
        }
        return value;
    }

    /**
     * Returns {@code value} unchanged when it follows the policy above for {@code kind}.
     *
     * @throws InvalidValueException naming {@code field}, saying which rule is broken
     */
    public static String wellFormed(String field, String value, Kind kind) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidValueException(field, "must be valid Unicode text (it holds an unpaired surrogate "
                        + String.format("U+%04X", (int) c) + ")");
            } else if (c == 0) {
                throw new InvalidValueException(field, "must not contain the NUL character (U+0000)");
            } else if (Character.isISOControl(c) && !(kind == Kind.MULTI_LINE && (c == '\t' || c == '\n' || c == '\r'))) {
                throw new InvalidValueException(field, "must not contain control characters (found "
                        + String.format("U+%04X", (int) c) + ")");
            }
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
