package app.todo.adapter.in.http;

import app.todo.domain.task.Task;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * Conditional {@code GET} (RFC 9110 §13.1.2): when an {@code If-None-Match} member equals the current
 * entity tag under the weak comparison ({@code W/"3"} matches {@code "3"}), or is {@code *}, the answer
 * is {@code 304 Not Modified} with the {@code ETag} and no body, which spares polling frontends the
 * transfer. A member that is not an entity tag never matches, so the full answer goes out.
 */
final class IfNoneMatch {

    private IfNoneMatch() {
    }

    /** Whether {@code etag} (a quoted strong tag, {@code "…"}) is current for the request's condition. */
    static boolean matches(ServerRequest req, String etag) {
        for (String value : req.headers().values(HeaderNames.IF_NONE_MATCH)) {
            for (String member : value.split(",")) {
                String tag = member.strip();
                if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Answers 304 with the tag when the condition holds; returns whether it did. */
    static boolean notModified(ServerRequest req, ServerResponse res, String etag) {
        if (!matches(req, etag)) {
            return false;
        }
        res.status(Status.NOT_MODIFIED_304);
        res.header(HeaderNames.ETAG, etag);
        res.send();
        return true;
    }

    /**
     * A strong tag for a page of tasks without rendering it: its JSON is a function of each task's id and version
     * (a version grows with every change, docs/rules.md §3) and of this build's rendering ({@link #RENDERING}), so
     * these and {@code alsoVarying} (the total, the links) are hashed as {@link #of} hashes bytes.
     */
    static String ofVersions(List<Task> tasks, String... alsoVarying) {
        StringBuilder parts = new StringBuilder(RENDERING.length() + tasks.size() * 12).append(RENDERING);
        for (Task task : tasks) {
            parts.append(task.id().value()).append(':').append(task.version()).append(';');
        }
        return of(parts.toString().getBytes(StandardCharsets.US_ASCII), alsoVarying);
    }

    /** Changes whenever the JSON of a task changes for the same stored task: a new field, another spelling. */
    static final String RENDERING = "tasks/1;";

    /** A strong tag for a representation: the first 128 bits of its SHA-256, base64url. */
    static String of(byte[] representation, String... alsoVarying) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(representation);
            for (String part : alsoVarying) {
                sha256.update((byte) 0);
                sha256.update(part.getBytes(StandardCharsets.UTF_8));
            }
            byte[] digest = sha256.digest();
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
