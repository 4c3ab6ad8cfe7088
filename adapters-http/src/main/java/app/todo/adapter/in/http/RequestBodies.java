package app.todo.adapter.in.http;

import app.todo.adapter.in.http.json.Json;
import app.todo.adapter.in.http.problem.ConnectionClose;
import app.todo.adapter.in.http.problem.Problem;
import app.todo.adapter.in.http.problem.ProblemException;
import app.todo.domain.shared.FieldError;
import app.todo.domain.shared.Result;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.common.buffers.DataReader;
import io.helidon.http.HeaderNames;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.ServerRequest;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Reads JSON request bodies with the checks every route needs, in the order a client can act on:
 * 415 for a body that is not JSON, 413 for one over the limit (told by {@code Content-Length}, or found
 * while reading, so a chunked body cannot get past it), 400 for malformed JSON.
 */
public final class RequestBodies {

    /**
     * How much of a too-large body is read and thrown away before the 413 goes out. Answering while the
     * client is still sending makes the server close the connection under it, and a reset can destroy
     * the 413 before the client reads it; past this much, the transport refuses the request outright.
     */
    public static final int MAX_DRAINED_BYTES = 1024 * 1024;

    private final int maxBytes;

    public RequestBodies(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The body, which must be there. */
    public JsonNode required(ServerRequest req) {
        return optional(req).orElseThrow(() -> Problem.of(Status.BAD_REQUEST_400,
                "The request needs a JSON body.").raise());
    }

    /** The body, or empty when there is none (or only whitespace). */
    public Optional<JsonNode> optional(ServerRequest req) {
        if (!req.content().hasEntity()) {
            return Optional.empty();
        }
        requireJsonContentType(req);
        byte[] body = req.context().get(ReadAhead.class).map(ReadAhead::bytes).orElseGet(() -> readHere(req));
        String text = strictUtf8(body);
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.parse(body));
        } catch (StreamConstraintsException e) {
            // Valid JSON, past a limit (Jackson's messages name the limit, never the body's content).
            String limit = e.getOriginalMessage().lines().findFirst().orElse("").replaceAll(",\\s*from `[^`]*`", "");
            throw Problem.of(Status.BAD_REQUEST_400, "The request body goes beyond a limit on JSON: "
                    + limit.substring(0, Math.min(limit.length(), 200)) + ".").raise();
        } catch (JsonProcessingException e) {
            // The parser's own message may quote the body; only the position is passed on.
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw Problem.of(Status.BAD_REQUEST_400, "The request body is not valid JSON" + where + ".").raise();
        }
    }

    /**
     * The body's bytes off the connection, at most the limit: what {@link #optional} would read, for
     * {@link BodyFirstFilter} to read before the request waits for admission.
     *
     * @throws RuntimeException a problem to answer (413, or 400 for broken chunked framing, closing the
     *                          connection), or an {@link UncheckedIOException} when the connection ended first
     */
    byte[] read(ServerRequest req, IntConsumer room) {
        if (req.headers().contentLength().orElse(0) > maxBytes) {
            drain(req.content().inputStream());
            throw tooLarge();
        }
        return readAtMostLimit(req.content().inputStream(), room);
    }

    /** A body no filter read ahead (a method whose routes take none): a connection that ended is closed, unanswered. */
    private byte[] readHere(ServerRequest req) {
        try {
            return read(req, bytes -> { });
        } catch (UncheckedIOException ended) {
            throw new CloseConnectionException("the connection ended before the request body did", ended);
        }
    }

    /**
     * A body read ahead, kept in the request's context, or how reading it failed; the failure is thrown where
     * the body is asked for, so that what a route answers before it reads the body (401, 403, 404) still comes first.
     */
    record ReadAhead(byte[] body, RuntimeException failure) {

        byte[] bytes() {
            if (failure != null) {
                throw failure;
            }
            return body;
        }
    }

    /** The value, or a 422 naming every field that broke a rule. */
    public static <T> T valid(Result<T, List<FieldError>> checked) {
        return switch (checked) {
            case Result.Ok<T, List<FieldError>> ok -> ok.value();
            case Result.Err<T, List<FieldError>> err -> throw Problem.invalid(err.error()).raise();
        };
    }

    private static void requireJsonContentType(ServerRequest req) {
        String mediaType = req.headers().first(HeaderNames.CONTENT_TYPE)
                .map(value -> value.split(";", 2)[0].strip().toLowerCase(Locale.ROOT))
                .orElse("");
        boolean json = mediaType.equals("application/json")
                || mediaType.startsWith("application/") && mediaType.endsWith("+json") && mediaType.indexOf('/') == mediaType.lastIndexOf('/');
        if (!json) {
            throw Problem.of(Status.UNSUPPORTED_MEDIA_TYPE_415,
                    "The request body must be JSON, sent with Content-Type: application/json.").raise();
        }
    }

    private byte[] readAtMostLimit(InputStream in, IntConsumer room) {
        try (in) {
            byte[] body;
            try {
                body = readKeeping(in, room);
            } catch (UncheckedIOException | ProblemException e) {
                throw e;
            } catch (DataReader.InsufficientDataAvailableException | CloseConnectionException ended) {
                // Helidon's words for a connection that ended, or failed, before the body did.
                throw new UncheckedIOException(new EOFException("the connection ended before the request body did"));
            } catch (RuntimeException malformed) {
                if (malformed instanceof RequestException refused && refused.status() == Status.REQUEST_ENTITY_TOO_LARGE_413) {
                    // One chunk past the transport's cap: too large, not malformed; the rest is unread, so close.
                    throw ConnectionClose.closing(tooLargeProblem()).raise();
                }
                // Helidon's chunked decoder failing on a bad chunk size: where this body ends, and so where the
                // next request starts, is unknown, so the connection closes after the answer.
                throw ConnectionClose.closing(Problem.of(Status.BAD_REQUEST_400,
                        "The request body's chunked framing is malformed.")).raise();
            }
            if (body.length > maxBytes) {
                drain(in);
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * At most the limit and one byte more, each piece given {@code room} before it is kept: memory grows with
     * what arrives, not with what a header announced, and none is taken before the first byte.
     */
    private byte[] readKeeping(InputStream in, IntConsumer room) throws IOException {
        int first = in.read();
        if (first < 0) {
            return new byte[0];
        }
        room.accept(1);
        ByteArrayOutputStream kept = new ByteArrayOutputStream(256);
        kept.write(first);
        byte[] piece = new byte[Math.min(8192, maxBytes + 1)];
        int n;
        while (kept.size() <= maxBytes && (n = in.read(piece, 0, Math.min(piece.length, maxBytes + 1 - kept.size()))) > 0) {
            room.accept(n);
            kept.write(piece, 0, n);
        }
        return kept.toByteArray();
    }

    /**
     * The body as text, refusing what is not well-formed UTF-8 (RFC 8259 §8.1): the JDK's decoder rejects overlong
     * forms ({@code C0 AF} for {@code /}) and lone surrogates, which a lenient parser would turn into other characters.
     */
    private static String strictUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw Problem.of(Status.BAD_REQUEST_400, "The request body is not valid UTF-8.").raise();
        }
    }

    private static void drain(InputStream in) {
        try (in) {
            long left = MAX_DRAINED_BYTES;
            byte[] sink = new byte[8192];
            int read;
            while (left > 0 && (read = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
                left -= read;
            }
        } catch (IOException | RuntimeException e) {
            // The client stopped sending or the transport gave up: the 413 is still the answer.
        }
    }

    private RuntimeException tooLarge() {
        return tooLargeProblem().raise();
    }

    private Problem tooLargeProblem() {
        return Problem.of(Status.REQUEST_ENTITY_TOO_LARGE_413, "The request body is larger than " + maxBytes + " bytes.");
    }
}
