package app.todo.adapter.in.http;

/** Whether the service can serve requests now; {@code /health/ready} asks it (typically: is the database up). */
@FunctionalInterface
public interface ReadinessCheck {
    boolean isReady();
}
