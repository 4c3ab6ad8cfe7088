package app.todo.adapter.in.http.openapi;

import javax.net.ssl.SSLSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A hand-made response, so the checker can be tested without a server. */
record CannedResponse(HttpRequest request, int statusCode, Map<String, List<String>> headerMap, String body)
        implements HttpResponse<String> {

    static final String REQUEST_ID = "req-1";

    static CannedResponse of(String method, String path, int status, String contentType, String body, String... headerPairs) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("X-Request-Id", List.of(REQUEST_ID));
        if (contentType != null) {
            headers.put("Content-Type", List.of(contentType));
        }
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.put(headerPairs[i], List.of(headerPairs[i + 1]));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:8080" + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return new CannedResponse(request, status, Map.copyOf(headers), body);
    }

    CannedResponse without(String header) {
        Map<String, List<String>> headers = new LinkedHashMap<>(headerMap);
        headers.remove(header);
        return new CannedResponse(request, statusCode, Map.copyOf(headers), body);
    }

    CannedResponse with(String header, String value) {
        Map<String, List<String>> headers = new LinkedHashMap<>(headerMap);
        headers.put(header, List.of(value));
        return new CannedResponse(request, statusCode, Map.copyOf(headers), body);
    }

    CannedResponse withStatus(int status) {
        return new CannedResponse(request, status, headerMap, body);
    }

    CannedResponse withBody(String newBody) {
        return new CannedResponse(request, statusCode, headerMap, newBody);
    }

    @Override
    public Optional<HttpResponse<String>> previousResponse() {
        return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
        return HttpHeaders.of(headerMap, (name, value) -> true);
    }

    @Override
    public Optional<SSLSession> sslSession() {
        return Optional.empty();
    }

    @Override
    public URI uri() {
        return request.uri();
    }

    @Override
    public HttpClient.Version version() {
        return HttpClient.Version.HTTP_1_1;
    }
}
