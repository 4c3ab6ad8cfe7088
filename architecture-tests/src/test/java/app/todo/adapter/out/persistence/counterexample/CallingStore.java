package app.todo.adapter.out.persistence.counterexample;

import java.net.http.HttpClient;

/** Breaks "outgoing HTTP lives with HTTP": a storage adapter that calls another server. */
public final class CallingStore {

    public HttpClient client() {
        return HttpClient.newHttpClient();
    }
}
