package app.todo.domain.task;

import app.todo.domain.shared.InvalidValueException;

public record TaskId(long value) {

    public TaskId {
        if (value <= 0) {
            throw new InvalidValueException("id", "must be a positive number");
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
