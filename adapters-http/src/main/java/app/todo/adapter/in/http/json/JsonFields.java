package app.todo.adapter.in.http.json;

import app.todo.domain.shared.FieldError;
import app.todo.domain.shared.Result;
import app.todo.domain.task.Change;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads the known fields of a parsed JSON object body, checking each field's JSON type itself: Jackson's
 * coercions would turn {@code "title": 123} into "123" and {@code "completed": "yes"} into an error
 * without a field name. Each field reads as absent ({@link Change#keep()}), {@code null}, or a value of
 * the right type; every wrong type is collected, so a client learns all of them at once. Value rules
 * (lengths, enums, dates) stay with the use cases.
 */
public final class JsonFields {

    private static final String NOT_AN_OBJECT = "must be a JSON object";

    private final JsonNode body;
    private final List<FieldError> errors = new ArrayList<>();

    public JsonFields(JsonNode body) {
        this.body = body;
        if (!body.isObject()) {
            errors.add(new FieldError("body", NOT_AN_OBJECT));
        }
    }

    public Change<String> text(String field) {
        return read(field, JsonNode::isTextual, JsonNode::textValue, "must be a string");
    }

    public Change<Boolean> bool(String field) {
        return read(field, JsonNode::isBoolean, JsonNode::booleanValue, "must be true or false");
    }

    public Change<List<String>> texts(String field) {
        return read(field, node -> node.isArray() && allTextual(node), JsonFields::strings,
                "must be an array of strings");
    }

    public void reject(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** The value, or every wrong type found while reading it. */
    public <T> Result<T, List<FieldError>> result(T value) {
        return errors.isEmpty() ? Result.ok(value) : Result.err(List.copyOf(errors));
    }

    /** The value of a field that was set, {@code null} when it was absent or set to null. */
    public static <T> T valueOf(Change<T> change) {
        return change instanceof Change.SetTo<T> set ? set.value() : null;
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
}
