package app.todo.adapter.in.http;

import app.todo.adapter.in.http.problem.Problem;
import app.todo.application.port.in.RunOnceUseCase;
import app.todo.application.port.in.TaskOwner;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The {@code Idempotency-Key} request header (IETF httpapi draft; docs/api.md, "Retries"): a structured-field
 * string ({@code "abc"}), or the bare value many clients send. What makes two requests "the same" is the
 * fingerprint: method, path and the body's JSON, so a retry that re-serialises its body the same way matches.
 */
final class IdempotencyKeys {

    static final HeaderName HEADER = HeaderNames.create("Idempotency-Key");
    /** Set on an answer that a retry got again. */
    static final String REPLAYED = "Idempotent-Replayed";

    private IdempotencyKeys() {
    }

    /** The key, if the request has one; a malformed or repeated one is a {@code 400}. */
    static Optional<String> of(ServerRequest req) {
        List<String> values = req.headers().all(HEADER, List::of);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        String value = values.size() == 1 ? values.getFirst().strip() : "";
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.isEmpty() || value.length() > 255 || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '"' && c != ',')) {
            throw Problem.of(Status.BAD_REQUEST_400, "Idempotency-Key must be one value of 1 to 255 visible ASCII "
                    + "characters, without quotes or commas, e.g. Idempotency-Key: \"8e03978e-40d5-43e8-bc93-6894a57f9324\".").raise();
        }
        return Optional.of(value);
    }

    static RunOnceUseCase.Command command(TaskOwner owner, String key, ServerRequest req, JsonNode body) {
        return new RunOnceUseCase.Command(owner, key, fingerprint(req.prologue().method().text(),
                req.prologue().uriPath().rawPath(), body == null ? "" : body.toString()));
    }

    private static String fingerprint(String method, String path, String body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
