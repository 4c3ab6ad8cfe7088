package app.todo.domain.user;

import app.todo.domain.shared.InvalidValueException;
import app.todo.domain.shared.Text;

/**
 * A user's id: an opaque string, because identity providers such as Better Auth do not use UUIDs.
 */
public record UserId(String value) {

    public static final int MAX_LENGTH = 255;

    public UserId {
        Text.required("user_id", value);
        if (value.isBlank()) {
            throw new InvalidValueException("user_id", "must not be blank");
        }
        Text.lengthBetween("user_id", value, 1, MAX_LENGTH);
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException("user_id", "must not contain control characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
