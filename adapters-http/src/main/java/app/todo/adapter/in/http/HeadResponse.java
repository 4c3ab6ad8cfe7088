package app.todo.adapter.in.http;

import io.helidon.common.uri.UriQuery;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.ServerResponseTrailers;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The answer to a {@code HEAD}: everything the {@code GET} would send — status and headers, the
 * {@code Content-Length} of its body included — and no body (RFC 9110 §9.3.2). Helidon 4 writes whatever
 * a handler sends, whatever the method, so {@code GET} handlers answer {@code HEAD} through this wrapper.
 * Handlers here send byte arrays; streaming is refused rather than risking a body on the wire.
 */
final class HeadResponse implements ServerResponse {

    private final ServerResponse delegate;

    private HeadResponse(ServerResponse delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    static ServerResponse of(ServerResponse response) {
        return response instanceof HeadResponse ? response : new HeadResponse(response);
    }

    @Override
    public void send(byte[] bytes, int position, int length) {
        if (!delegate.headers().contains(HeaderNames.CONTENT_LENGTH)) {
            delegate.header(HeaderNames.CONTENT_LENGTH, Integer.toString(length));
        }
        // With Content-Length already set, Helidon keeps it and writes the zero bytes it is given.
        delegate.send(bytes, position, 0);
    }

    @Override
    public void send(byte[] bytes) {
        send(bytes, 0, bytes.length);
    }

    @Override
    public void send() {
        delegate.send();
    }

    @Override
    public void send(Object entity) {
        byte[] bytes = switch (entity) {
            case byte[] raw -> raw;
            case String text -> text.getBytes(StandardCharsets.UTF_8);
            default -> throw new UnsupportedOperationException("HEAD answers send bytes or text only");
        };
        send(bytes);
    }

    @Override
    public OutputStream outputStream() {
        throw new UnsupportedOperationException("a HEAD answer has no body to stream");
    }

    @Override
    public ServerResponse status(Status status) {
        delegate.status(status);
        return this;
    }

    @Override
    public Status status() {
        return delegate.status();
    }

    @Override
    public ServerResponse header(Header header) {
        delegate.header(header);
        return this;
    }

    @Override
    public boolean isSent() {
        return delegate.isSent();
    }

    @Override
    public long bytesWritten() {
        return delegate.bytesWritten();
    }

    @Override
    public ServerResponse whenSent(Runnable listener) {
        delegate.whenSent(listener);
        return this;
    }

    @Override
    public ServerResponse reroute(String path) {
        delegate.reroute(path);
        return this;
    }

    @Override
    public ServerResponse reroute(String path, UriQuery query) {
        delegate.reroute(path, query);
        return this;
    }

    @Override
    public ServerResponse next() {
        delegate.next();
        return this;
    }

    @Override
    public ServerResponseHeaders headers() {
        return delegate.headers();
    }

    @Override
    public ServerResponseTrailers trailers() {
        return delegate.trailers();
    }

    @Override
    public void streamResult(String result) {
        delegate.streamResult(result);
    }

    @Override
    public void streamFilter(UnaryOperator<OutputStream> filterFunction) {
        throw new UnsupportedOperationException("a HEAD answer has no body to filter");
    }
}
