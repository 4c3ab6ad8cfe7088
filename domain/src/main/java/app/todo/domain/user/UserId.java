package app.todo.domain.user;

import app.todo.domain.shared.InvalidValueException;
import app.todo.domain.shared.Text;

/**
 * A user's id: an opaque string, because identity providers such as Better Auth do not use UUIDs.
 */
public record UserId(String value) {

    public static final int MAX_LENGTH = 255;

    public UserId {
        Text.wellFormed("user_id", Text.required("user_id", value), Text.Kind.SINGLE_LINE);
        if (value.isBlank()) {
            throw new InvalidValueException("user_id", "must not be blank");
        }
        Text.lengthBetween("user_id", value, 1, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
