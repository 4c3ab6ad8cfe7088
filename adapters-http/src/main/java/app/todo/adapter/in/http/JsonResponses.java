package app.todo.adapter.in.http;

import app.todo.adapter.in.http.json.Json;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/** Sends DTO records as {@code application/json; charset=utf-8}. */
public final class JsonResponses {

    private JsonResponses() {
    }

    public static void send(ServerResponse res, Status status, Object dto) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, Json.MEDIA_TYPE);
        res.send(Json.write(dto));
    }
}
