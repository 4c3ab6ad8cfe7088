package app.todo.application.service;

import app.todo.application.port.in.AdminError;
import app.todo.application.port.in.ListUsersQuery;
import app.todo.application.port.in.ListUsersUseCase;
import app.todo.application.port.out.UserDirectory;
import app.todo.domain.shared.Result;
import app.todo.domain.user.UserPage;

public final class ListUsersService implements ListUsersUseCase {

    private final UserDirectory directory;

    public ListUsersService(UserDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Result<UserPage, AdminError> listUsers(ListUsersQuery query) {
        return Result.ok(directory.list(query.page()));
    }
}
