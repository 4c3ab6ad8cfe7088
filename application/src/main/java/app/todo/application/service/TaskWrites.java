package app.todo.application.service;

import app.todo.application.port.out.TaskRepository;
import app.todo.domain.task.Task;

final class TaskWrites {

    private TaskWrites() {
    }

    /** Writes only a real change, so a no-op request keeps version and updated_at. */
    static Task save(TaskRepository tasks, Task before, Task after) {
        if (after != before) {
            tasks.update(after);
        }
        return after;
    }
}
