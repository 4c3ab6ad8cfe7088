package app.todo.domain.user;

import java.util.List;

/** One page of the user directory, with the number of all users. */
public record UserPage(List<UserSummary> users, long total) {

    public UserPage {
        users = List.copyOf(users);
        if (total < users.size()) {
            throw new IllegalArgumentException("total cannot be less than the page size");
        }
    }
}
