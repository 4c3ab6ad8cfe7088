package app.todo.domain.user;

import app.todo.domain.shared.InvalidValueException;

import java.util.Locale;

public enum Role {
    USER,
    ADMIN;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromKey(String field, String key) {
        for (Role role : values()) {
            if (role.key().equals(key)) {
                return role;
            }
        }
        throw new InvalidValueException(field, "must be one of user, admin");
    }
}
