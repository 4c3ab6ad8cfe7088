package app.todo.adapter.in.http.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * HTTP spoken by hand over one socket, for what a client library would hide or refuse to send
 * ({@code HTTP/1.0}, {@code OPTIONS *}, a body sent after {@code Expect: 100-continue}, pipelining).
 */
public final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
    }

    public static RawHttp connect(int port) {
        try {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(5000);
            return new RawHttp(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the text as ISO-8859-1 bytes (CRLFs are the caller's). */
    public RawHttp write(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads one response: the head up to the blank line, then {@code Content-Length} bytes of body
     * (none for {@code HEAD}, when {@code headOnly}). Null when the server closed the connection first.
     */
    public Response read(boolean headOnly) {
        try {
            String head = readHead();
            if (head == null) {
                return null;
            }
            List<String> lines = List.of(head.split("\r\n"));
            int length = 0;
            for (String line : lines.subList(1, lines.size())) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase("Content-Length")) {
                    length = Integer.parseInt(line.substring(colon + 1).strip());
                }
            }
            byte[] body = headOnly ? new byte[0] : in.readNBytes(length);
            return new Response(lines, new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response read() {
        return read(false);
    }

    /** Sends no more (a TCP half-close, FIN), still reading what the server answers. */
    public RawHttp halfClose() {
        try {
            socket.shutdownOutput();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the server has closed the connection: reading gives end-of-stream within the timeout. */
    public boolean closedByServer(int timeoutMillis) {
        try {
            socket.setSoTimeout(timeoutMillis);
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset by the server
        }
    }

    /** What is left to read right now (waiting at most {@code timeoutMillis}); "" when nothing comes. */
    public String drain(int timeoutMillis) {
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        try {
            socket.setSoTimeout(timeoutMillis);
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) > 0; ) {
                rest.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // timeout or reset: what arrived so far is the answer
        }
        return rest.toString(StandardCharsets.UTF_8);
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return head.size() == 0 ? null : head.toString(StandardCharsets.ISO_8859_1);
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - 4);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** A status line, header lines and a body. */
    public record Response(List<String> lines, String body) {

        public int status() {
            return Integer.parseInt(lines.getFirst().split(" ")[1]);
        }

        public String statusLine() {
            return lines.getFirst();
        }

        public List<String> headers(String name) {
            List<String> values = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    values.add(line.substring(colon + 1).strip());
                }
            }
            return values;
        }

        public String header(String name) {
            List<String> values = headers(name);
            return values.isEmpty() ? null : values.getFirst();
        }
    }
}
