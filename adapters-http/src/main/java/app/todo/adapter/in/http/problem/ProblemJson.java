package app.todo.adapter.in.http.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** The RFC 9457 body; {@code errors} appears only for validation failures. */
public record ProblemJson(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Violation> errors,
        String requestId) {

    public record Violation(String field, String message) {
    }
}
