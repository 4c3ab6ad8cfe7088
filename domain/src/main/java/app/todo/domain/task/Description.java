package app.todo.domain.task;

import app.todo.domain.shared.Text;

/** Free text of at most 1000 code points; kept as the client wrote it. */
public record Description(String value) {

    public static final int MAX_LENGTH = 1000;

    public Description {
        Text.wellFormed("description", Text.required("description", value), Text.Kind.MULTI_LINE);
        Text.lengthBetween("description", value, 0, MAX_LENGTH);
    }
}
