package app.todo.domain.task;

import app.todo.domain.shared.Text;

/** A task's title: trimmed of white space and invisible spaces ({@link Text#stripInvisible}), then 1 to 200 code points. */
public record Title(String value) {

    public static final int MAX_LENGTH = 200;

    public Title {
        value = Text.wellFormed("title", Text.stripInvisible(Text.required("title", value)), Text.Kind.SINGLE_LINE);
        Text.lengthBetween("title", value, 1, MAX_LENGTH);
    }
}
