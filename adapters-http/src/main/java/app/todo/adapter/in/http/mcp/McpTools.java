package app.todo.adapter.in.http.mcp;

import app.todo.application.port.in.TaskUseCases;
import app.todo.adapter.in.http.json.Json;
import app.todo.adapter.in.http.json.TaskFieldsReader;
import app.todo.adapter.in.http.json.TaskJson;
import app.todo.application.port.in.CompleteTaskCommand;
import app.todo.application.port.in.CreateTaskCommand;
import app.todo.application.port.in.DeleteTaskCommand;
import app.todo.application.port.in.GetTaskQuery;
import app.todo.application.port.in.ListTasksQuery;
import app.todo.application.port.in.TaskError;
import app.todo.application.port.in.TaskOwner;
import app.todo.application.port.in.UpdateTaskCommand;
import app.todo.domain.shared.FieldError;
import app.todo.domain.shared.Result;
import app.todo.domain.task.PageRequest;
import app.todo.domain.task.Task;
import app.todo.domain.task.TaskFilter;
import app.todo.domain.task.TaskId;
import app.todo.domain.task.TaskPage;
import app.todo.domain.task.TaskSort;
import app.todo.domain.task.TaskStatus;
import app.todo.domain.user.User;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The five task tools of the published Phase III assistants ({@code add_task}, {@code list_tasks},
 * {@code complete_task}, {@code update_task}, {@code delete_task}), each with input and output JSON schemas,
 * answering with the REST API's task JSON (as {@code structuredContent} and as text). A broken rule is a tool
 * error ({@code isError}) naming the field, as the REST API's {@code 422} does; nothing is ever a server error.
 */
final class McpTools {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> NAMES = Set.of("add_task", "list_tasks", "complete_task", "update_task", "delete_task");

    private final TaskUseCases tasks;
    private final ArrayNode definitions;

    McpTools(TaskUseCases tasks) {
        this.tasks = tasks;
        this.definitions = definitions();
    }

    boolean has(String name) {
        return NAMES.contains(name);
    }

    /** {@code tools/list}'s result: {@code {"tools": [...]}}. */
    ObjectNode list() {
        ObjectNode result = NODES.objectNode();
        result.set("tools", definitions.deepCopy());
        return result;
    }

    /** {@code tools/call}'s result for a known tool: {@code {content, structuredContent?, isError}}. */
    ObjectNode call(String name, JsonNode arguments, User caller) {
        JsonNode userId = arguments.path("user_id");
        if (!userId.isMissingNode() && !userId.isNull() && !caller.id().value().equals(userId.asText())) {
            return failure("user_id: the caller is " + caller.id().value()
                    + "; an assistant acts for the user its token names, and for nobody else. Nothing was changed.");
        }
        return switch (TaskOwner.of(caller, caller.id())) {
            case Result.Ok<TaskOwner, TaskError> ok -> call(name, arguments, ok.value());
            case Result.Err<TaskOwner, TaskError> err -> failure(describe(err.error()));
        };
    }

    private ObjectNode call(String name, JsonNode arguments, TaskOwner owner) {
        return switch (name) {
            case "add_task" -> addTask(arguments, owner);
            case "list_tasks" -> listTasks(arguments, owner);
            case "complete_task" -> withTaskId(arguments, id -> task(tasks.complete().completeTask(
                    new CompleteTaskCommand(owner, id, Optional.of(true), OptionalLong.empty()))));
            case "update_task" -> updateTask(arguments, owner);
            case "delete_task" -> withTaskId(arguments, id -> deleteTask(id, owner));
            default -> throw new IllegalArgumentException(name); // McpRoutes asks has() first
        };
    }

    private ObjectNode addTask(JsonNode arguments, TaskOwner owner) {
        return switch (TaskFieldsReader.newTask(only(arguments, "title", "description"))) {
            case Result.Ok<app.todo.application.port.in.NewTaskFields, List<FieldError>> ok ->
                    task(tasks.create().createTask(new CreateTaskCommand(owner, ok.value())));
            case Result.Err<app.todo.application.port.in.NewTaskFields, List<FieldError>> err -> invalid(err.error());
        };
    }

    private ObjectNode listTasks(JsonNode arguments, TaskOwner owner) {
        String status = arguments.path("status").asText("all").toLowerCase(Locale.ROOT);
        TaskStatus chosen = switch (status) {
            case "all" -> TaskStatus.ALL;
            case "pending" -> TaskStatus.PENDING;
            case "completed" -> TaskStatus.COMPLETED;
            default -> null;
        };
        if (chosen == null) {
            return failure("status: must be all, pending or completed");
        }
        Result<TaskPage, TaskError> page = tasks.list().listTasks(new ListTasksQuery(owner,
                new TaskFilter(chosen, null, null, null, null, null), TaskSort.NEWEST_FIRST,
                new PageRequest(PageRequest.MAX_LIMIT, 0)));
        return switch (page) {
            case Result.Ok<TaskPage, TaskError> ok -> {
                ObjectNode structured = NODES.objectNode();
                ArrayNode list = structured.putArray("tasks");
                ok.value().tasks().forEach(task -> list.add(Json.tree(TaskJson.from(task))));
                structured.put("total", ok.value().total());
                yield success(structured);
            }
            case Result.Err<TaskPage, TaskError> err -> failure(describe(err.error()));
        };
    }

    private ObjectNode updateTask(JsonNode arguments, TaskOwner owner) {
        JsonNode fields = only(arguments, "title", "description");
        if (fields.isEmpty()) {
            return failure("give title, description or both: nothing to change");
        }
        return withTaskId(arguments, id -> switch (TaskFieldsReader.changes(fields)) {
            case Result.Ok<app.todo.application.port.in.TaskFieldChanges, List<FieldError>> ok ->
                    task(tasks.update().updateTask(new UpdateTaskCommand(owner, id, ok.value(),
                            OptionalLong.empty())));
            case Result.Err<app.todo.application.port.in.TaskFieldChanges, List<FieldError>> err -> invalid(err.error());
        });
    }

    private ObjectNode deleteTask(TaskId id, TaskOwner owner) {
        Result<Task, TaskError> found = tasks.get().getTask(new GetTaskQuery(owner, id));
        if (found instanceof Result.Err<Task, TaskError> err) {
            return failure(describe(err.error()));
        }
        String title = ((Result.Ok<Task, TaskError>) found).value().title().value();
        var deleted = tasks.delete().deleteTask(new DeleteTaskCommand(owner, id, OptionalLong.empty()));
        if (deleted instanceof Result.Err<?, TaskError> err) {
            return failure(describe(err.error()));
        }
        ObjectNode structured = NODES.objectNode().put("task_id", id.value()).put("status", "deleted");
        structured.put("title", title);
        return success(structured);
    }

    private ObjectNode withTaskId(JsonNode arguments, java.util.function.Function<TaskId, ObjectNode> action) {
        JsonNode raw = arguments.path("task_id");
        long id;
        if (raw.isIntegralNumber() && raw.canConvertToLong()) {
            id = raw.asLong();
        } else if (raw.isTextual() && raw.asText().matches("[0-9]{1,18}")) {
            id = Long.parseLong(raw.asText()); // some assistants send every argument as a string
        } else {
            return failure("task_id: must be a task's id, a whole number");
        }
        if (id < 1) {
            return failure("There is no task " + id + ".");
        }
        return action.apply(new TaskId(id));
    }

    private ObjectNode task(Result<Task, TaskError> result) {
        return switch (result) {
            case Result.Ok<Task, TaskError> ok -> success((ObjectNode) Json.tree(TaskJson.from(ok.value())));
            case Result.Err<Task, TaskError> err -> failure(describe(err.error()));
        };
    }

    private static String describe(TaskError error) {
        return switch (error) {
            case TaskError.TaskNotFound missing -> "There is no task " + missing.taskId() + ".";
            case TaskError.NotYourTasks ignored -> "These are not the caller's tasks.";
            case TaskError.InvalidTask invalid -> fieldErrors(invalid.errors());
            case TaskError.StaleVersion stale -> "The task changed meanwhile; read it again.";
            case TaskError.FeedExpired expired -> "The changes since then are no longer kept; start again.";
            case TaskError.TooManyStreams busy -> "Too many live streams are open: " + busy.reason() + ".";
        };
    }

    private static ObjectNode invalid(List<FieldError> errors) {
        return failure(fieldErrors(errors));
    }

    private static String fieldErrors(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
    }

    /** The named members of {@code arguments}, as a JSON object for the REST API's readers. */
    private static ObjectNode only(JsonNode arguments, String... names) {
        ObjectNode picked = NODES.objectNode();
        for (String name : names) {
            if (arguments.has(name)) {
                picked.set(name, arguments.get(name));
            }
        }
        return picked;
    }

    private static ObjectNode success(ObjectNode structured) {
        ObjectNode result = NODES.objectNode();
        result.putArray("content").addObject().put("type", "text").put("text", new String(Json.write(structured),
                java.nio.charset.StandardCharsets.UTF_8));
        result.set("structuredContent", structured);
        result.put("isError", false);
        return result;
    }

    private static ObjectNode failure(String text) {
        ObjectNode result = NODES.objectNode();
        result.putArray("content").addObject().put("type", "text").put("text", text);
        result.put("isError", true);
        return result;
    }

    // ------------------------------------------------------------------ schemas

    private static ArrayNode definitions() {
        ArrayNode tools = NODES.arrayNode();
        tools.add(tool("add_task", "Add a task", "Adds a task to the user's list and returns it.",
                input(List.of("title"), property("title", string(1, 200, "What to do")),
                        property("description", string(0, 1000, "Details, optional"))), taskSchema()));
        ObjectNode status = NODES.objectNode().put("type", "string").put("description", "Which tasks; all by default");
        status.putArray("enum").add("all").add("pending").add("completed");
        ObjectNode listOutput = NODES.objectNode().put("type", "object");
        listOutput.putObject("properties").set("tasks", NODES.objectNode().put("type", "array").set("items", taskSchema()));
        ((ObjectNode) listOutput.get("properties")).putObject("total").put("type", "integer");
        listOutput.putArray("required").add("tasks").add("total");
        tools.add(tool("list_tasks", "List tasks", "Lists the user's tasks, newest first (at most "
                + PageRequest.MAX_LIMIT + ").", input(List.of(), property("status", status)), listOutput));
        tools.add(tool("complete_task", "Complete a task", "Marks one of the user's tasks completed and returns it.",
                input(List.of("task_id"), property("task_id", taskId())), taskSchema()));
        tools.add(tool("update_task", "Update a task", "Changes the title, the description or both of one of the "
                + "user's tasks and returns it.", input(List.of("task_id"), property("task_id", taskId()),
                property("title", string(1, 200, "The new title")),
                property("description", string(0, 1000, "The new description"))), taskSchema()));
        ObjectNode deleted = NODES.objectNode().put("type", "object");
        ObjectNode deletedProperties = deleted.putObject("properties");
        deletedProperties.putObject("task_id").put("type", "integer");
        deletedProperties.putObject("status").put("type", "string").putArray("enum").add("deleted");
        deletedProperties.putObject("title").put("type", "string");
        deleted.putArray("required").add("task_id").add("status").add("title");
        tools.add(tool("delete_task", "Delete a task", "Deletes one of the user's tasks.",
                input(List.of("task_id"), property("task_id", taskId())), deleted));
        return tools;
    }

    private static ObjectNode tool(String name, String title, String description, ObjectNode input, ObjectNode output) {
        ObjectNode tool = NODES.objectNode().put("name", name).put("title", title).put("description", description);
        tool.set("inputSchema", input);
        tool.set("outputSchema", output);
        return tool;
    }

    private record Property(String name, ObjectNode schema) {
    }

    private static Property property(String name, ObjectNode schema) {
        return new Property(name, schema);
    }

    /** Every tool also takes {@code user_id}, as the published tools do; only the caller's own is accepted. */
    private static ObjectNode input(List<String> required, Property... properties) {
        ObjectNode schema = NODES.objectNode().put("type", "object");
        ObjectNode props = schema.putObject("properties");
        for (Property property : properties) {
            props.set(property.name(), property.schema());
        }
        props.putObject("user_id").put("type", "string")
                .put("description", "Optional: the signed-in user's id. Any other user's is refused.");
        ArrayNode names = schema.putArray("required");
        required.forEach(names::add);
        return schema;
    }

    private static ObjectNode string(int min, int max, String description) {
        return NODES.objectNode().put("type", "string").put("minLength", min).put("maxLength", max)
                .put("description", description);
    }

    private static ObjectNode taskId() {
        return NODES.objectNode().put("type", "integer").put("minimum", 1).put("description", "The task's id");
    }

    /** The REST API's task, as the OpenAPI document describes it. */
    private static ObjectNode taskSchema() {
        ObjectNode schema = NODES.objectNode().put("type", "object");
        ObjectNode p = schema.putObject("properties");
        p.putObject("id").put("type", "integer");
        p.putObject("user_id").put("type", "string");
        p.putObject("title").put("type", "string");
        p.putObject("description").putArray("type").add("string").add("null");
        p.putObject("completed").put("type", "boolean");
        p.putObject("priority").put("type", "string").putArray("enum").add("low").add("medium").add("high");
        p.putObject("due_date").putArray("type").add("string").add("null");
        p.putObject("tags").put("type", "array").putObject("items").put("type", "string");
        p.putObject("created_at").put("type", "string");
        p.putObject("updated_at").put("type", "string");
        p.putObject("completed_at").putArray("type").add("string").add("null");
        p.putObject("version").put("type", "integer");
        ArrayNode required = schema.putArray("required");
        List.of("id", "user_id", "title", "completed", "priority", "tags", "created_at", "updated_at", "version")
                .forEach(required::add);
        return schema;
    }
}
