package app.todo.adapter.in.http.json;

/** What the health routes answer when all is well. */
public record StatusJson(String status) {
    public static final StatusJson UP = new StatusJson("UP");
}
