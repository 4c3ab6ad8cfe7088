package app.todo.adapter.in.http.account;

import app.todo.application.port.in.ChangePasswordUseCase;
import app.todo.application.port.in.ListSessionsUseCase;
import app.todo.application.port.in.RefreshSessionUseCase;
import app.todo.application.port.in.RevokeSessionUseCase;
import app.todo.application.port.in.SignOutUseCase;
import app.todo.application.port.in.StartSessionUseCase;

import java.util.Objects;

/** The session use cases the account routes call (docs/rules.md §2, sessions). */
public record SessionUseCases(StartSessionUseCase start, RefreshSessionUseCase refresh, SignOutUseCase signOut,
                              ListSessionsUseCase list, RevokeSessionUseCase revoke, ChangePasswordUseCase changePassword) {
    public SessionUseCases {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(refresh, "refresh");
        Objects.requireNonNull(signOut, "signOut");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(revoke, "revoke");
        Objects.requireNonNull(changePassword, "changePassword");
    }
}
