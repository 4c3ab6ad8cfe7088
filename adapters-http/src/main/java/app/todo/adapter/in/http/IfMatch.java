package app.todo.adapter.in.http;

import io.helidon.http.Status;

import app.todo.adapter.in.http.problem.Problem;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import java.util.LinkedHashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code If-Match} precondition over task versions (ETags are the quoted version, {@code "3"}).
 * {@code *} matches any version and a list matches when any member does. {@code If-Match} uses the
 * strong comparison (RFC 9110 §13.1.1), so a weak tag such as {@code W/"3"} never matches, and neither
 * does a well-formed tag that names no version: both are a {@code 412}. A value that is not an entity
 * tag at all (an unquoted {@code 3}) is a {@code 400} that shows the quoted form.
 */
final class IfMatch {

    /** Versions start at 1, so no task ever has this one: asking for it always fails with 412. */
    private static final long NO_VERSION = 0;
    /** RFC 9110 §8.8.3: {@code [W/] DQUOTE *etagc DQUOTE}, etagc being any visible character but {@code "}. */
    private static final Pattern ENTITY_TAG = Pattern.compile("(W/)?\"([\\x21\\x23-\\x7E\\x80-\\xFF]*)\"");
    private static final Pattern VERSION = Pattern.compile("[0-9]{1,18}");

    private final boolean present;
    private final boolean anyVersion;
    private final Set<Long> versions;

    private IfMatch(boolean present, boolean anyVersion, Set<Long> versions) {
        this.present = present;
        this.anyVersion = anyVersion;
        this.versions = Set.copyOf(versions);
    }

    static IfMatch of(ServerRequest req) {
        var values = req.headers().values(HeaderNames.IF_MATCH);
        if (values.isEmpty()) {
            return new IfMatch(false, false, Set.of());
        }
        boolean any = false;
        Set<Long> versions = new LinkedHashSet<>();
        for (String member : String.join(",", values).split(",")) {
            String tag = member.strip();
            Matcher m = ENTITY_TAG.matcher(tag);
            if (tag.equals("*")) {
                any = true;
            } else if (!m.matches()) {
                throw Problem.of(Status.BAD_REQUEST_400, "If-Match must be * or entity tags, quoted as the ETag "
                        + "header gives them (If-Match: \"3\"), not an unquoted version.").raise();
            } else if (m.group(1) == null && VERSION.matcher(m.group(2)).matches()) {
                versions.add(Long.parseLong(m.group(2)));
            }
        }
        return new IfMatch(true, any, versions);
    }

    /**
     * The version a use case must find, or empty when any will do. {@code currentVersion} is asked only
     * when the list names several versions; the use case re-checks the answer atomically.
     */
    OptionalLong expectedVersion(LongSupplier currentVersion) {
        if (!present || anyVersion) {
            return OptionalLong.empty();
        }
        if (versions.size() == 1) {
            return OptionalLong.of(versions.iterator().next());
        }
        if (versions.isEmpty()) {
            return OptionalLong.of(NO_VERSION);
        }
        long current = currentVersion.getAsLong();
        return OptionalLong.of(versions.contains(current) ? current : NO_VERSION);
    }
}
