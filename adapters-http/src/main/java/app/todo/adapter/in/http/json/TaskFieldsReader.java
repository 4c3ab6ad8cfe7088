package app.todo.adapter.in.http.json;

import app.todo.application.port.in.NewTaskFields;
import app.todo.application.port.in.TaskFieldChanges;
import app.todo.domain.shared.FieldError;
import app.todo.domain.shared.Result;
import app.todo.domain.task.Change;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

import static app.todo.adapter.in.http.json.JsonFields.valueOf;

/**
 * Reads the task fields out of a parsed body, each checked for its JSON type by {@link JsonFields}.
 * Unknown and read-only fields ({@code id}, {@code version}, timestamps…) are ignored.
 */
public final class TaskFieldsReader {

    private TaskFieldsReader() {
    }

    public static Result<NewTaskFields, List<FieldError>> newTask(JsonNode body) {
        JsonFields r = new JsonFields(body);
        // On create, null and absent mean the same: "use the default".
        NewTaskFields fields = new NewTaskFields(
                valueOf(r.text("title")), valueOf(r.text("description")), valueOf(r.bool("completed")),
                valueOf(r.text("priority")), valueOf(r.text("due_date")), valueOf(r.texts("tags")));
        return r.result(fields);
    }

    public static Result<TaskFieldChanges, List<FieldError>> changes(JsonNode body) {
        JsonFields r = new JsonFields(body);
        TaskFieldChanges changes = new TaskFieldChanges(r.text("title"), r.text("description"), r.bool("completed"),
                r.text("priority"), r.text("due_date"), r.texts("tags"));
        return r.result(changes);
    }

    /** The body of "complete": {@code {}} toggles, {@code {"completed": true|false}} sets. */
    public static Result<Optional<Boolean>, List<FieldError>> completion(JsonNode body) {
        JsonFields r = new JsonFields(body);
        Change<Boolean> completed = r.bool("completed");
        if (completed instanceof Change.SetTo<Boolean> set && set.value() == null) {
            r.reject("completed", "must be true or false");
        }
        return r.result(Optional.ofNullable(valueOf(completed)));
    }
}
