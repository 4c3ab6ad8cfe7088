package app.todo.bootstrap;

import app.todo.adapter.in.http.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The header limit the wiring sets holds on a real socket: a header block that fits an 8 KiB token is
 * served, one over 16 KiB is refused with a problem before any route runs (Helidon answers 400 for it).
 */
class HttpLimitsTest {

    @Test
    void headersOver16KibAreRefusedAndHeadersWithRoomForABigTokenAreNot(@TempDir Path dataDir) throws Exception {
        try (RunningService service = RunningService.start(Map.of(
                "DATA_DIR", dataDir.toString(), "BETTER_AUTH_SECRET", TestTokens.SECRET))) {
            String fits = exchange(service.port(), 12 * 1024);
            assertTrue(fits.startsWith("HTTP/1.1 200"), fits);

            String tooBig = exchange(service.port(), 20 * 1024);
            assertTrue(tooBig.startsWith("HTTP/1.1 400") || tooBig.startsWith("HTTP/1.1 431"), tooBig);
            assertTrue(tooBig.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), tooBig);
        }
    }

    private static String exchange(int port, int paddingBytes) throws IOException {
        String request = "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + "a".repeat(paddingBytes)
                + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // The status line and headers are enough (and do not depend on when the server closes).
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder head = new StringBuilder();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                head.append(line).append('\n');
            }
            return head.toString();
        }
    }
}
