package app.todo.adapter.in.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The changes feed's cursor: opaque to clients (docs/api.md, "Changes feed"), a feed position underneath. Opaque so
 * that what it holds can change without breaking a client that stored one.
 */
final class FeedCursor {

    private static final String PREFIX = "feed1:";

    private FeedCursor() {
    }

    static String of(long position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + position).getBytes(StandardCharsets.US_ASCII));
    }

    /** The position a cursor stands for; null for a string this service never gave. */
    static Long position(String cursor) {
        if (cursor.length() > 40) {
            return null;
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        if (!text.startsWith(PREFIX) || !text.substring(PREFIX.length()).matches("0|[1-9][0-9]{0,17}")) {
            return null;
        }
        return Long.parseLong(text.substring(PREFIX.length()));
    }
}
