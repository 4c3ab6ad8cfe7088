package app.todo.domain.account;

import java.util.Objects;

/**
 * A password as the client typed it. It never prints itself, so a log line, an exception message or
 * a debugger's summary of a command cannot leak it. Whether it is acceptable for a new account is
 * {@link PasswordPolicy}'s call, not this type's: a sign-in attempt carries whatever was typed.
 */
public record PlainPassword(String value) {

    public PlainPassword {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "PlainPassword[redacted]";
    }
}
