package app.todo.adapter.in.http.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.io.UncheckedIOException;

/** The one Jackson set-up of the HTTP adapter: snake_case out, strict in. */
public final class Json {

    public static final String MEDIA_TYPE = "application/json; charset=utf-8";
    public static final String PROBLEM_MEDIA_TYPE = "application/problem+json; charset=utf-8";

    /** Deep nesting costs stack, and no task body nests more than two levels. */
    private static final int MAX_NESTING_DEPTH = 64;

    // Buffers from one shared pool, not one set per thread: every connection has a virtual thread of its own,
    // and per-thread buffers made 1,000 open connections a heap of idle buffers (docs/operations.md, "Memory").
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            // A key sent twice is ambiguous, and text after the value means the body is not one JSON value.
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Emoji and other characters beyond the BMP go out as UTF-8, not as escaped surrogate pairs.
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build());
    }

    private Json() {
    }

    /**
     * An instant as every response spells it (docs/rules.md §3): RFC 3339 in UTC to the whole second,
     * {@code 2026-11-30T12:00:00Z}; null stays null.
     */
    public static String instant(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    public static byte[] write(Object dto) {
        try {
            return MAPPER.writeValueAsBytes(dto);
        } catch (JsonProcessingException e) {
            // Our DTOs are plain records of strings, numbers and lists: failing here is a bug.
            throw new IllegalStateException("cannot serialise " + dto.getClass().getSimpleName(), e);
        }
    }

    /** Writes {@code dto} to {@code out} as it renders, holding no more of it than the generator's buffer. */
    public static void write(Object dto, OutputStream out) throws IOException {
        MAPPER.writeValue(new FilterOutputStream(out) {
            @Override
            public void close() throws IOException {
                flush(); // the caller owns the stream: Jackson's close must not end the answer
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }
        }, dto);
    }

    /** How many bytes {@link #write(Object)} would give, counted as it renders, without keeping them. */
    public static long length(Object dto) {
        long[] count = {0};
        try {
            MAPPER.writeValue(new OutputStream() {
                @Override
                public void write(int b) {
                    count[0]++;
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    count[0] += length;
                }
            }, dto);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise " + dto.getClass().getSimpleName(), e);
        }
        return count[0];
    }

    /** {@code dto} as a JSON tree, named as it would be written ({@code snake_case}). */
    public static JsonNode tree(Object dto) {
        return MAPPER.valueToTree(dto);
    }

    /** @throws JsonProcessingException when the bytes are not exactly one JSON value */
    public static JsonNode parse(byte[] body) throws JsonProcessingException {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
