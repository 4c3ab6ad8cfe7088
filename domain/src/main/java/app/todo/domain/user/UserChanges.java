package app.todo.domain.user;

import java.util.Objects;
import java.util.Optional;

/** What an admin changes about a user: the role, the disabled flag, or both. */
public record UserChanges(Optional<Role> role, Optional<Boolean> disabled) {

    public UserChanges {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(disabled, "disabled");
    }

    public boolean isEmpty() {
        return role.isEmpty() && disabled.isEmpty();
    }

    public User applyTo(User user) {
        User changed = role.map(user::withRole).orElse(user);
        return disabled.map(changed::withDisabled).orElse(changed);
    }
}
