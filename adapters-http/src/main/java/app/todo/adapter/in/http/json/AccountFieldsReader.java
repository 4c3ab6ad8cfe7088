package app.todo.adapter.in.http.json;

import app.todo.application.port.in.SignInCommand;
import app.todo.application.port.in.SignUpCommand;
import app.todo.domain.account.PlainPassword;
import app.todo.domain.shared.FieldError;
import app.todo.domain.shared.Result;
import app.todo.domain.task.Change;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

import static app.todo.adapter.in.http.json.JsonFields.valueOf;

/**
 * Reads the account and administration bodies, each field checked for its JSON type. Unknown fields,
 * {@code role} in a sign-up included, are ignored: a sign-up never chooses its role. A password is
 * wrapped at once, so it never travels as a plain string that could be printed.
 */
public final class AccountFieldsReader {

    private AccountFieldsReader() {
    }

    /** {@code PATCH /api/admin/users/{id}}: each field kept, or set (a null is the use case's to refuse). */
    public record UserChangeFields(Change<String> role, Change<Boolean> disabled) {
    }

    public static Result<SignUpCommand, List<FieldError>> signUp(JsonNode body) {
        JsonFields r = new JsonFields(body);
        return r.result(new SignUpCommand(valueOf(r.text("email")), password(r), valueOf(r.text("name"))));
    }

    public static Result<SignInCommand, List<FieldError>> signIn(JsonNode body) {
        JsonFields r = new JsonFields(body);
        return r.result(new SignInCommand(valueOf(r.text("email")), password(r)));
    }

    /** {@code POST /api/auth/claim-admin}: the bootstrap token, a required string. */
    public static Result<String, List<FieldError>> claimAdmin(JsonNode body) {
        JsonFields r = new JsonFields(body);
        String token = valueOf(r.text("token"));
        if (token == null || token.isBlank()) {
            r.reject("token", "is required: the admin bootstrap token from the service's start-up log");
        }
        return r.result(token);
    }

    /** {@code POST /api/auth/refresh}: the refresh token, a required string. */
    public static Result<String, List<FieldError>> refresh(JsonNode body) {
        JsonFields r = new JsonFields(body);
        String token = valueOf(r.text("refresh_token"));
        if (token == null || token.isBlank()) {
            r.reject("refresh_token", "is required");
        }
        return r.result(token);
    }

    /** {@code POST /api/auth/change-password}: both passwords, wrapped at once. */
    public record PasswordChange(PlainPassword current, PlainPassword replacement) {
        @Override
        public String toString() {
            return "PasswordChange[(hidden)]";
        }
    }

    public static Result<PasswordChange, List<FieldError>> changePassword(JsonNode body) {
        JsonFields r = new JsonFields(body);
        String current = valueOf(r.text("current_password"));
        String replacement = valueOf(r.text("new_password"));
        if (current == null) {
            r.reject("current_password", "is required");
        }
        if (replacement == null) {
            r.reject("new_password", "is required");
        }
        return r.result(new PasswordChange(current == null ? null : new PlainPassword(current),
                replacement == null ? null : new PlainPassword(replacement)));
    }

    public static Result<UserChangeFields, List<FieldError>> userChanges(JsonNode body) {
        JsonFields r = new JsonFields(body);
        return r.result(new UserChangeFields(r.text("role"), r.bool("disabled")));
    }

    private static PlainPassword password(JsonFields r) {
        String password = valueOf(r.text("password"));
        return password == null ? null : new PlainPassword(password);
    }
}
