package app.todo.domain.account;

import app.todo.domain.shared.InvalidValueException;
import app.todo.domain.shared.Text;

/**
 * What a new password must be: 8 to 128 characters, counted in code points (an emoji is one).
 * Nothing else is required, following NIST SP 800-63B: length helps, composition rules do not.
 * The upper bound keeps hashing cost and request size predictable.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /**
     * @return the password, when a new account may use it
     * @throws InvalidValueException naming {@code field} when it is absent or of the wrong length;
     *                               the message never contains the password
     */
    public static PlainPassword acceptable(String field, PlainPassword password) {
        if (password == null) {
            throw new InvalidValueException(field, "is required");
        }
        int length = Text.length(password.value());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new InvalidValueException(field,
                    "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long");
        }
        return password;
    }
}
