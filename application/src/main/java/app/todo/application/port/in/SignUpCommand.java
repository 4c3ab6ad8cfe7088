package app.todo.application.port.in;

import app.todo.domain.account.PlainPassword;

/**
 * A new account's details as the client sent them; {@code null} means absent. There is no role: a
 * sign-up never chooses its own. The use case validates every rule and reports all broken ones.
 */
public record SignUpCommand(String email, PlainPassword password, String name) {
}
