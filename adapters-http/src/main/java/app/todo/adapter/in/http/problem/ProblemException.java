package app.todo.adapter.in.http.problem;

/**
 * Carries a {@link Problem} out of a filter or handler to {@link ProblemMapper}. An expected outcome,
 * not a bug: no stack trace is captured.
 */
public final class ProblemException extends RuntimeException {

    private final transient Problem problem;

    ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
