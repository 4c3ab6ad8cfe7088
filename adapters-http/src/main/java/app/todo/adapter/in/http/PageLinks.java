package app.todo.adapter.in.http;

import app.todo.domain.task.PageRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The paging headers every list answers with: {@code Link} (RFC 8288) beside {@code X-Total-Count}. */
public final class PageLinks {

    private PageLinks() {
    }

    /**
     * first and last always, next and prev when they exist, each keeping {@code echo} (the filter and
     * sort parameters of the request) before {@code limit} and {@code offset}.
     */
    public static String of(String path, Map<String, String> echo, PageRequest page, long total) {
        long limit = page.limit();
        long lastOffset = total == 0 ? 0 : (total - 1) / limit * limit;
        Map<String, Long> rels = new LinkedHashMap<>();
        rels.put("first", 0L);
        if (page.offset() > 0) {
            rels.put("prev", Math.max(0, Math.min(page.offset() - limit, lastOffset)));
        }
        if (page.offset() + limit < total) {
            rels.put("next", page.offset() + limit);
        }
        rels.put("last", lastOffset);
        return rels.entrySet().stream()
                .map(rel -> "<" + path + "?" + queryAt(echo, page.limit(), rel.getValue()) + ">; rel=\""
                        + rel.getKey() + "\"")
                .collect(Collectors.joining(", "));
    }

    private static String queryAt(Map<String, String> echo, int limit, long offset) {
        Map<String, String> params = new LinkedHashMap<>(echo);
        params.put("limit", Integer.toString(limit));
        params.put("offset", Long.toString(offset));
        return params.entrySet().stream()
                .map(p -> p.getKey() + "=" + encode(p.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        // Form encoding writes spaces as '+', which not every client reads back as a space in a URI.
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
