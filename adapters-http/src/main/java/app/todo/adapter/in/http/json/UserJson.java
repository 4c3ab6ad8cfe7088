package app.todo.adapter.in.http.json;

import app.todo.domain.user.Email;
import app.todo.domain.user.User;


/** A user as clients read it: {@code {id, email, name, role, created_at}}; never the disabled flag or a secret. */
public record UserJson(String id, String email, String name, String role, String createdAt) {

    public static UserJson from(User user) {
        return new UserJson(user.id().value(), user.emailAddress().map(Email::value).orElse(null), user.name(),
                user.role().key(), Json.instant(user.createdAt()));
    }
}
