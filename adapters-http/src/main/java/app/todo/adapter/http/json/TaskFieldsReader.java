package app.todo.adapter.http.json;

import app.todo.application.port.in.NewTaskFields;
import app.todo.application.port.in.TaskFieldChanges;
import app.todo.domain.shared.FieldError;
import app.todo.domain.shared.Result;
import app.todo.domain.task.Change;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads the task fields out of a parsed body, checking each known field's JSON type itself: Jackson's
 * coercions would turn {@code "title": 123} into "123" and {@code "completed": "yes"} into an error
 * without a field name. Unknown and read-only fields ({@code id}, {@code version}, timestamps…) are
 * ignored. Value rules (lengths, enums, dates) stay with the use cases.
 */
public final class TaskFieldsReader {

    private static final String NOT_AN_OBJECT = "must be a JSON object";

    private final JsonNode body;
    private final List<FieldError> errors = new ArrayList<>();

    private TaskFieldsReader(JsonNode body) {
        this.body = body;
        if (!body.isObject()) {
            errors.add(new FieldError("body", NOT_AN_OBJECT));
        }
    }

    public static Result<NewTaskFields, List<FieldError>> newTask(JsonNode body) {
        TaskFieldsReader r = new TaskFieldsReader(body);
        // On create, null and absent mean the same: "use the default".
        NewTaskFields fields = new NewTaskFields(
                valueOf(r.text("title")), valueOf(r.text("description")), valueOf(r.bool("completed")),
                valueOf(r.text("priority")), valueOf(r.text("due_date")), valueOf(r.texts("tags")));
        return r.result(fields);
    }

    public static Result<TaskFieldChanges, List<FieldError>> changes(JsonNode body) {
        TaskFieldsReader r = new TaskFieldsReader(body);
        TaskFieldChanges changes = new TaskFieldChanges(r.text("title"), r.text("description"), r.bool("completed"),
                r.text("priority"), r.text("due_date"), r.texts("tags"));
        return r.result(changes);
    }

    /** The body of "complete": {@code {}} toggles, {@code {"completed": true|false}} sets. */
    public static Result<Optional<Boolean>, List<FieldError>> completion(JsonNode body) {
        TaskFieldsReader r = new TaskFieldsReader(body);
        Change<Boolean> completed = r.bool("completed");
        if (completed instanceof Change.SetTo<Boolean> set && set.value() == null) {
            r.errors.add(new FieldError("completed", "must be true or false"));
        }
        return r.result(Optional.ofNullable(valueOf(completed)));
    }

    private <T> Result<T, List<FieldError>> result(T value) {
        return errors.isEmpty() ? Result.ok(value) : Result.err(List.copyOf(errors));
    }

    private Change<String> text(String field) {
        return read(field, JsonNode::isTextual, JsonNode::textValue, "must be a string");
    }

    private Change<Boolean> bool(String field) {
        return read(field, JsonNode::isBoolean, JsonNode::booleanValue, "must be true or false");
    }

    private Change<List<String>> texts(String field) {
        return read(field, node -> node.isArray() && allTextual(node), TaskFieldsReader::strings,
                "must be an array of strings");
    }

    private <T> Change<T> read(String field, Predicate<JsonNode> isRightType,
                               Function<JsonNode, T> value, String expectation) {
        JsonNode node = body.isObject() ? body.get(field) : null;
        if (node == null) {
            return Change.keep();
        }
        if (node.isNull()) {
            return Change.to(null);
        }
        if (!isRightType.test(node)) {
            errors.add(new FieldError(field, expectation));
            return Change.keep();
        }
        return Change.to(value.apply(node));
    }

    private static boolean allTextual(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>(array.size());
        array.forEach(element -> values.add(element.textValue()));
        return values;
    }

    private static <T> T valueOf(Change<T> change) {
        return change instanceof Change.SetTo<T> set ? set.value() : null;
    }
}
