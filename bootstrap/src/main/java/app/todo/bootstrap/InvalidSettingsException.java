package app.todo.bootstrap;

import java.util.List;

/** Start-up refused because of configuration; the message lists every problem, for a human. */
public final class InvalidSettingsException extends RuntimeException {

    private final List<String> problems;

    public InvalidSettingsException(List<String> problems) {
        super("The service cannot start with this configuration:\n  - " + String.join("\n  - ", problems), null,
                false, false);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
