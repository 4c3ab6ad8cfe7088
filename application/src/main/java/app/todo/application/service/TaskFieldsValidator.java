package app.todo.application.service;

import app.todo.application.port.in.NewTaskFields;
import app.todo.application.port.in.TaskError;
import app.todo.application.port.in.TaskFieldChanges;
import app.todo.domain.shared.Result;
import app.todo.domain.shared.Validation;
import app.todo.domain.task.Change;
import app.todo.domain.task.Description;
import app.todo.domain.task.DueDates;
import app.todo.domain.task.NewTask;
import app.todo.domain.task.Priority;
import app.todo.domain.task.TaskChanges;
import app.todo.domain.task.Tags;
import app.todo.domain.task.Title;
import app.todo.domain.user.UserId;

import java.time.LocalDate;
import java.util.function.Function;

/** Turns fields as a client sent them into domain values, reporting every broken rule at once. */
final class TaskFieldsValidator {

    private TaskFieldsValidator() {
    }

    static Result<NewTask, TaskError> newTask(UserId owner, NewTaskFields fields) {
        Validation v = new Validation();
        Title title = v.check(() -> new Title(fields.title()));
        Description description = fields.description() == null ? null
                : v.check(() -> new Description(fields.description()));
        Priority priority = fields.priority() == null ? Priority.DEFAULT
                : v.check(() -> Priority.fromKey("priority", fields.priority()));
        LocalDate dueDate = fields.dueDate() == null ? null : v.check(() -> DueDates.parse("due_date", fields.dueDate()));
        Tags tags = fields.tags() == null ? Tags.NONE : v.check(() -> Tags.of(fields.tags()));
        boolean completed = Boolean.TRUE.equals(fields.completed());
        if (v.hasErrors()) {
            return Result.err(new TaskError.InvalidTask(v.errors()));
        }
        return Result.ok(new NewTask(owner, title, description, completed, priority, dueDate, tags));
    }

    static Result<TaskChanges, TaskError> changes(TaskFieldChanges fields) {
        Validation v = new Validation();
        Change<Title> title = required(v, "title", fields.title(), Title::new);
        Change<Description> description = clearable(v, fields.description(), Description::new);
        Change<Boolean> completed = required(v, "completed", fields.completed(), Function.identity());
        Change<Priority> priority = required(v, "priority", fields.priority(), p -> Priority.fromKey("priority", p));
        Change<LocalDate> dueDate = clearable(v, fields.dueDate(), d -> DueDates.parse("due_date", d));
        Change<Tags> tags = required(v, "tags", fields.tags(), Tags::of);
        if (!v.hasErrors() && fields.equals(TaskFieldChanges.none())) {
            v.reject("body", "must contain at least one of title, description, completed, priority, due_date, tags");
        }
        if (v.hasErrors()) {
            return Result.err(new TaskError.InvalidTask(v.errors()));
        }
        return Result.ok(new TaskChanges(title, description, completed, priority, dueDate, tags));
    }

    static <R, T> Change<T> required(Validation v, String field, Change<R> raw, Function<R, T> parse) {
        if (!(raw instanceof Change.SetTo<R> set)) {
            return Change.keep();
        }
        if (set.value() == null) {
            v.reject(field, "cannot be null");
            return Change.keep();
        }
        T value = v.check(() -> parse.apply(set.value()));
        return value == null ? Change.keep() : Change.to(value);
    }

    private static <R, T> Change<T> clearable(Validation v, Change<R> raw, Function<R, T> parse) {
        if (!(raw instanceof Change.SetTo<R> set)) {
            return Change.keep();
        }
        if (set.value() == null) {
            return Change.to(null);
        }
        T value = v.check(() -> parse.apply(set.value()));
        return value == null ? Change.keep() : Change.to(value);
    }
}
