package app.todo.application.port.in;

import app.todo.domain.account.PlainPassword;

/**
 * An email and password as the client sent them; {@code null} means absent. {@code userAgent} (may be null) is
 * kept with the session the sign-in opens.
 */
public record SignInCommand(String email, PlainPassword password, String userAgent) {

    public SignInCommand(String email, PlainPassword password) {
        this(email, password, null);
    }

    public SignInCommand withUserAgent(String userAgent) {
        return new SignInCommand(email, password, userAgent);
    }
}
