package app.todo.adapter.in.http.problem;

import app.todo.domain.shared.FieldError;
import io.helidon.http.Status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An error answer before it is written (RFC 9457): the status, a sentence a person can read, the
 * broken rules of a 422 (body fields or query parameters), and the headers the status needs ({@code Allow}, {@code WWW-Authenticate},
 * {@code Retry-After}). {@code type}, {@code title} and {@code instance} are filled in when written.
 */
public record Problem(Status status, String detail, List<FieldError> errors, Map<String, String> headers) {

    public Problem {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        errors = List.copyOf(errors);
        headers = Map.copyOf(headers);
    }

    public static Problem of(Status status, String detail) {
        return new Problem(status, detail, List.of(), Map.of());
    }

    public static Problem invalid(List<FieldError> errors) {
        return new Problem(Status.UNPROCESSABLE_CONTENT_422, errors.size() == 1
                ? "The request is invalid: " + errors.getFirst().field() + " " + errors.getFirst().message() + "."
                : "The request is invalid in " + errors.size() + " places; see errors.", errors, Map.of());
    }

    public static Problem invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public Problem withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Problem(status, detail, errors, more);
    }

    /** Throws this problem out of a handler; {@link ProblemMapper} writes it. */
    public ProblemException raise() {
        return new ProblemException(this);
    }
}
