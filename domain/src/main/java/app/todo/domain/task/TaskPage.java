package app.todo.domain.task;

import java.util.List;

/** One page of a filtered list, with the size of the whole filtered set. */
public record TaskPage(List<Task> tasks, long total) {

    public TaskPage {
        tasks = List.copyOf(tasks);
        if (total < tasks.size()) {
            throw new IllegalArgumentException("total cannot be less than the page size");
        }
    }
}
