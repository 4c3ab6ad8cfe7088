package app.todo.application.port.in.counterexample;

/** Breaks the naming rule of incoming ports: a grant whose public constructor lets anyone make one unchecked. */
public final class OpenGrant {

    private final String owner;

    public OpenGrant(String owner) {
        this.owner = owner;
    }

    public String owner() {
        return owner;
    }
}
