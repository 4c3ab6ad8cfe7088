package app.todo.application.port.in;

import app.todo.domain.account.PlainPassword;
import app.todo.domain.user.User;

import java.util.Optional;

/**
 * A password change by the caller, who proves the current password; every session but {@code keepSession}
 * (the caller's own) is revoked. Passwords are wrapped at once and never printed.
 */
public record ChangePasswordCommand(User caller, PlainPassword currentPassword, PlainPassword newPassword,
                                    Optional<String> keepSession) {
}
