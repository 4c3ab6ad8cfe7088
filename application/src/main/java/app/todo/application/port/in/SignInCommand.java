package app.todo.application.port.in;

import app.todo.domain.account.PlainPassword;

/** An email and password as the client sent them; {@code null} means absent. */
public record SignInCommand(String email, PlainPassword password) {
}
