package app.todo.adapter.in.http;

import app.todo.adapter.in.http.problem.Problem;
import app.todo.adapter.in.http.problem.ProblemException;
import app.todo.domain.shared.FieldError;
import app.todo.domain.shared.InvalidValueException;
import app.todo.domain.task.PageRequest;
import io.helidon.common.parameters.Parameters;
import io.helidon.common.uri.UriQuery;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A request's query parameters, read strictly (docs/rules.md §4): a parameter given twice with different values, a
 * value that is not UTF-8 once percent-decoded, or one its rule refuses is a field error, and every broken
 * parameter is collected, so a client learns all its mistakes at once. Tasks and the admin user list share it.
 */
public final class QueryParameters {

    private static final java.util.regex.Pattern ASCII_NUMBER = java.util.regex.Pattern.compile("-?[0-9]{1,18}");

private final Parameters query;
private final List<FieldError> errors = new ArrayList<>();
private final Map<String, String> echo = new LinkedHashMap<>();

public QueryParameters(Parameters query) {
    this.query = query;
}

/**
 * {@code limit} (1–{@value PageRequest#MAX_LIMIT}, default {@value PageRequest#DEFAULT_LIMIT}) and
 * {@code offset} (0 or more), as every paged list reads them (docs/rules.md §4); null when either is broken.
 */
public PageRequest page() {
    long limitAsked = number("limit", "must be a whole number from 1 to " + PageRequest.MAX_LIMIT)
            .orElse((long) PageRequest.DEFAULT_LIMIT);
    // Clamped into int range only so that PageRequest, not an overflow, rejects it.
    int limit = (int) Math.max(0, Math.min(limitAsked, Integer.MAX_VALUE));
    long offset = number("offset", "must be a whole number from 0 to " + PageRequest.MAX_OFFSET).orElse(0L);
    return check(() -> new PageRequest(limit, offset));
}

public boolean isValid() {
    return errors.isEmpty();
}

/** The 422 listing every broken parameter. */
public ProblemException invalid() {
    return Problem.invalid(errors).raise();
}

/** The parameters read so far, normalized, for the page links. */
Map<String, String> echo() {
    return echo;
}

    /** Like {@link #choice}, where {@code all} means "no constraint". */
    <T> Optional<T> choiceOrAll(String name, Function<String, T> parse, String expectation) {
        return choice(name, raw -> raw.equalsIgnoreCase("all") ? null : parse.apply(raw), expectation, true);
    }

    <T> Optional<T> choice(String name, Function<String, T> parse, String expectation) {
        return choice(name, parse, expectation, false);
    }

    /** A value of an enumerated parameter; {@code parse} may throw or answer null for unknown ones. */
    private <T> Optional<T> choice(String name, Function<String, T> parse, String expectation,
                                   boolean allMeansAny) {
        return single(name).flatMap(raw -> {
            try {
                T value = parse.apply(raw);
                if (value != null || allMeansAny && raw.equalsIgnoreCase("all")) {
                    echo.put(name, raw.toLowerCase(Locale.ROOT));
                    return Optional.ofNullable(value);
                }
            } catch (IllegalArgumentException ignored) {
                // reported below, with the expectation rather than the parser's words
            }
            errors.add(new FieldError(name, expectation));
            return Optional.empty();
        });
    }

    /** A free value whose domain type states its own rules. */
    <T> Optional<T> value(String name, Function<String, T> parse) {
        return single(name).flatMap(raw -> {
            try {
                T value = parse.apply(raw);
                echo.put(name, raw);
                return Optional.of(value);
            } catch (InvalidValueException e) {
                // The domain names its own field ("tags"); the client needs the parameter ("tag").
                errors.add(new FieldError(name, e.reason()));
                return Optional.empty();
            }
        });
    }

    /** ASCII digits only, with an optional minus: {@code Long.parseLong} alone reads {@code ٢} and {@code +2} too. */
    Optional<Long> number(String name, String expectation) {
        return single(name).flatMap(raw -> {
            try {
                if (!ASCII_NUMBER.matcher(raw).matches()) {
                    throw new NumberFormatException();
                }
                return Optional.of(Long.parseLong(raw));
            } catch (NumberFormatException e) {
                errors.add(new FieldError(name, expectation));
                return Optional.empty();
            }
        });
    }

    private static boolean percentDecodesToUtf8(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); ) {
            if (raw.charAt(i) == '%' && i + 2 < raw.length()
                    && HexFormat.isHexDigit(raw.charAt(i + 1)) && HexFormat.isHexDigit(raw.charAt(i + 2))) {
                bytes.write(HexFormat.fromHexDigits(raw, i + 1, i + 3));
                i += 3;
            } else {
                int codePoint = raw.codePointAt(i);
                bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    <T> T check(Supplier<T> factory) {
        try {
            return factory.get();
        } catch (InvalidValueException e) {
            errors.add(new FieldError(e.field(), e.reason()));
            return null;
        }
    }

    private Optional<String> single(String name) {
        // The decoded values hold U+FFFD where the bytes were not UTF-8: the raw ones tell.
        if (query instanceof UriQuery uri && uri.contains(name)
                && !uri.getAllRaw(name).stream().allMatch(QueryParameters::percentDecodesToUtf8)) {
            errors.add(new FieldError(name, "must be UTF-8 text once percent-decoded"));
            return Optional.empty();
        }
        // A loop, not a stream: this runs for every parameter of every list, and the stream's objects were
        // a tenth of what a list request allocated.
        String found = null;
        for (String value : query.all(name, List::of)) {
            if (value.isEmpty() || value.equals(found)) {
                continue;
            }
            if (found != null) {
                errors.add(new FieldError(name, "is given more than once with different values"));
                return Optional.empty();
            }
            found = value;
        }
        return Optional.ofNullable(found);
    }
}
