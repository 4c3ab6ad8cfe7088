package app.todo.adapter.in.http.testing;

import java.util.Comparator;
import java.util.List;

/**
 * An OpenAPI path template such as {@code /api/{user_id}/tasks/{id}}, matched segment by segment
 * against a concrete path. A {@code {name}} segment matches any one non-empty segment; every other
 * segment must be equal.
 */
public record PathTemplate(String template, List<String> segments) {

    /**
     * Orders matching templates most specific first: at the first position where two templates
     * differ in kind, the literal segment wins over the templated one.
     */
    public static final Comparator<PathTemplate> MOST_SPECIFIC_FIRST = PathTemplate::compareSpecificity;

    public PathTemplate {
        segments = List.copyOf(segments);
    }

    public static PathTemplate parse(String template) {
        return new PathTemplate(template, split(template));
    }

    /** Whether {@code path} (no query string) is an instance of this template. */
    public boolean matches(String path) {
        List<String> concrete = split(path);
        if (concrete.size() != segments.size()) {
            return false;
        }
        for (int i = 0; i < segments.size(); i++) {
            String expected = segments.get(i);
            String actual = concrete.get(i);
            boolean ok = isVariable(expected) ? !actual.isEmpty() : expected.equals(actual);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private int compareSpecificity(PathTemplate other) {
        int common = Math.min(segments.size(), other.segments.size());
        for (int i = 0; i < common; i++) {
            boolean mine = isVariable(segments.get(i));
            boolean theirs = isVariable(other.segments.get(i));
            if (mine != theirs) {
                return mine ? 1 : -1;
            }
        }
        return Integer.compare(other.segments.size(), segments.size());
    }

    private static boolean isVariable(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
    }

    /** "/a/b/" is three segments, the last one empty, so it never matches "/a/b". */
    private static List<String> split(String path) {
        String withoutLeadingSlash = path.startsWith("/") ? path.substring(1) : path;
        return List.of(withoutLeadingSlash.split("/", -1));
    }
}
