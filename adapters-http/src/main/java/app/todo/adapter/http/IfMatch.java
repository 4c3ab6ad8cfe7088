package app.todo.adapter.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import java.util.LinkedHashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code If-Match} precondition over task versions (ETags are the quoted version). {@code "3"} and
 * {@code W/"3"} name version 3, {@code *} any version, a list matches when any member does, and a
 * member we cannot read can never match — a client that sends a condition expects it to be enforced.
 */
final class IfMatch {

    /** Versions start at 1, so no task ever has this one: asking for it always fails with 412. */
    private static final long NO_VERSION = 0;
    private static final Pattern ENTITY_TAG = Pattern.compile("(?:W/)?\"([0-9]{1,18})\"");

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
            } else if (m.matches()) {
                versions.add(Long.parseLong(m.group(1)));
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
