package app.todo.domain.task;

public enum TaskStatus {
    ALL,
    PENDING,
    COMPLETED;

    public boolean admits(Task task) {
        return switch (this) {
            case ALL -> true;
            case PENDING -> !task.completed();
            case COMPLETED -> task.completed();
        };
    }
}
