package app.todo.adapter.in.http;

import io.helidon.common.uri.UriQuery;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import app.todo.adapter.in.http.problem.Problem;
import app.todo.domain.shared.FieldError;
import app.todo.domain.shared.InvalidValueException;
import app.todo.domain.shared.Text;
import app.todo.domain.task.DueDates;
import app.todo.domain.task.PageRequest;
import app.todo.domain.task.Priority;
import app.todo.domain.task.Tag;
import app.todo.domain.task.TaskFilter;
import app.todo.domain.task.TaskSort;
import app.todo.domain.task.TaskStatus;
import io.helidon.common.parameters.Parameters;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The query of a task list, read strictly: an unknown value, a bad date or number, or one parameter
 * given twice with different values is a 422 naming the parameter, never a silent default. An empty
 * value ({@code tag=}) counts as absent, as forms send them. {@code priority=all} is accepted as "any
 * priority", mirroring {@code status=all}.
 *
 * @param echo the filter and sort parameters as understood, kept in every page link
 */
record TaskListRequest(TaskFilter filter, TaskSort sort, PageRequest page, Map<String, String> echo) {

    private static final int MAX_QUERY_LENGTH = 200;
    private static final Map<String, TaskSort.Key> SORT_KEYS = Map.of(
            "created", TaskSort.Key.CREATED, "created_at", TaskSort.Key.CREATED,
            "updated", TaskSort.Key.UPDATED, "updated_at", TaskSort.Key.UPDATED,
            "title", TaskSort.Key.TITLE, "due_date", TaskSort.Key.DUE_DATE, "priority", TaskSort.Key.PRIORITY);

    static TaskListRequest parse(Parameters query) {
        Reader r = new Reader(query);
        TaskStatus status = r.choice("status", s -> TaskStatus.valueOf(s.toUpperCase(Locale.ROOT)),
                "must be one of all, pending, completed").orElse(TaskStatus.ALL);
        Priority priority = r.choiceOrAll("priority", s -> Priority.fromKey("priority", s.toLowerCase(Locale.ROOT)),
                "must be one of low, medium, high (or all)").orElse(null);
        Tag tag = r.value("tag", Tag::new).orElse(null);
        String text = r.value("q", q -> {
            Text.wellFormed("q", q, Text.Kind.MULTI_LINE);
            Text.lengthBetween("q", q, 1, MAX_QUERY_LENGTH);
            return q;
        }).orElse(null);
        LocalDate dueBefore = r.value("due_before", d -> DueDates.parse("due_before", d)).orElse(null);
        LocalDate dueAfter = r.value("due_after", d -> DueDates.parse("due_after", d)).orElse(null);
        Optional<TaskSort.Key> key = r.choice("sort", s -> SORT_KEYS.get(s.toLowerCase(Locale.ROOT)),
                "must be one of created, updated, title, due_date, priority");
        Optional<TaskSort.Direction> direction = r.choice("order",
                s -> TaskSort.Direction.valueOf(s.toUpperCase(Locale.ROOT)), "must be asc or desc");
        long limitAsked = r.number("limit", "must be a whole number from 1 to " + PageRequest.MAX_LIMIT)
                .orElse((long) PageRequest.DEFAULT_LIMIT);
        // Clamped into int range only so that PageRequest, not an overflow, rejects it.
        int limit = (int) Math.max(0, Math.min(limitAsked, Integer.MAX_VALUE));
        long offset = r.number("offset", "must be a whole number, zero or more").orElse(0L);
        PageRequest page = r.check(() -> new PageRequest(limit, offset));
        if (r.errors.isEmpty() && page != null) {
            TaskSort.Key sortKey = key.orElse(TaskSort.NEWEST_FIRST.key());
            TaskSort sort = new TaskSort(sortKey, direction.orElse(key.isPresent()
                    ? sortKey.naturalDirection() : TaskSort.NEWEST_FIRST.direction()));
            return new TaskListRequest(new TaskFilter(status, priority, tag, text, dueBefore, dueAfter), sort, page,
                    r.echo);
        }
        throw Problem.invalid(r.errors).raise();
    }

    /** The {@code Link} header of this list, keeping its filters and sort in every page link. */
    String links(String path, long total) {
        return PageLinks.of(path, echo, page, total);
    }

    /** Collects every broken parameter, so a client learns all its mistakes at once. */
    private static final class Reader {
        private final Parameters query;
        private final List<FieldError> errors = new ArrayList<>();
        private final Map<String, String> echo = new LinkedHashMap<>();

        Reader(Parameters query) {
            this.query = query;
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

        Optional<Long> number(String name, String expectation) {
            return single(name).flatMap(raw -> {
                try {
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
                    && !uri.getAllRaw(name).stream().allMatch(Reader::percentDecodesToUtf8)) {
                errors.add(new FieldError(name, "must be UTF-8 text once percent-decoded"));
                return Optional.empty();
            }
            List<String> values = query.all(name, List::of).stream().filter(v -> !v.isEmpty()).distinct().toList();
            if (values.size() > 1) {
                errors.add(new FieldError(name, "is given more than once with different values"));
                return Optional.empty();
            }
            return values.stream().findFirst();
        }
    }
}
