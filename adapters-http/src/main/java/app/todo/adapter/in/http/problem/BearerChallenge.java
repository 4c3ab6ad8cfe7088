package app.todo.adapter.in.http.problem;

/**
 * The {@code WWW-Authenticate} challenges of RFC 6750 §3 this service sends with a {@code 401}: one home, so
 * every refusal names the same realm and quotes its description the same way.
 */
public final class BearerChallenge {

    public static final String HEADER = "WWW-Authenticate";
    /** No credential, or one of another scheme: RFC 6750 §3.1 says no error code then. */
    public static final String REALM = "Bearer realm=\"todo\"";

    private BearerChallenge() {
    }

    /** {@code error="invalid_token"} without a description. */
    public static String invalidToken() {
        return REALM + ", error=\"invalid_token\"";
    }

    /** {@code error="invalid_token"} with {@code description}, made {@link #headerSafe}. */
    public static String invalidToken(String description) {
        return invalidToken() + ", error_description=\"" + headerSafe(description) + "\"";
    }

    /** RFC 6750 §3 allows printable ASCII except {@code "} and {@code \} in error_description. */
    public static String headerSafe(String text) {
        StringBuilder safe = new StringBuilder();
        String source = text == null || text.isBlank() ? "The token is invalid" : text;
        source.chars()
                .filter(c -> c >= 0x20 && c <= 0x7E && c != '"' && c != '\\')
                .forEach(c -> safe.append((char) c));
        return safe.toString().strip();
    }
}
