package app.todo.application.port.in;

import app.todo.domain.shared.Result;
import app.todo.domain.user.UserPage;

/** Lists every user with their task count, for admins only. */
public interface ListUsersUseCase {
    Result<UserPage, AdminError> listUsers(ListUsersQuery query);
}
