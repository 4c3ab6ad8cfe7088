package app.todo.adapter.in.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataReader;
import io.helidon.common.buffers.DataWriter;
import io.helidon.common.socket.HelidonSocket;
import io.helidon.common.socket.PeerInfo;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.ListenerContext;
import io.helidon.webserver.ProxyProtocolData;
import io.helidon.webserver.Router;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;

/**
 * Reads HTTP/1.1 request framing strictly (RFC 9112) in front of Helidon's own parser, for the four things Helidon
 * 4.3 reads too loosely (docs/api.md, "Request framing"). Every connection's bytes pass through {@link Framing} once;
 * what Helidon then parses is the same request, normalized:
 * <ul>
 *   <li>A method with lower-case letters ({@code delete}) is not the method in upper case: Helidon upper-cases
 *       every method name, so a {@code delete} would delete. The name reaches routing prefixed with
 *       {@link #LOWER_CASE_METHOD}, which {@link RequestTargetFilter} answers {@code 501}.</li>
 *   <li>Chunk extensions ({@code d;name=value}) are dropped; Helidon cannot parse them.</li>
 *   <li>Chunk data must be followed by CRLF; Helidon skips two bytes whatever they are.</li>
 *   <li>Trailer fields after the last chunk are read and dropped (never used); Helidon refuses them.</li>
 *   <li>{@code Transfer-Encoding} is compared case-insensitively ({@code Chunked} is chunked).</li>
 * </ul>
 * A malformed chunk size, chunk end or trailer becomes a chunk size Helidon fails on, so the body reader answers
 * {@code 400} and the connection closes (RequestBodies), and no byte after it is read. Anything else this reader
 * does not follow (conflicting lengths, other codings, lines too long, bare LF) is passed through unchanged from
 * there on: Helidon or {@link RequestTargetFilter} refuses exactly those and closes the connection.
 * Hand-written because no HTTP/1.1 parser can sit in front of Helidon's; it keeps no more than one line.
 */
final class Http1FramingGuard implements ServerConnectionSelector {

    /** Prefix of a method name that arrived with lower-case letters ({@code X-LOWER-CASE-DELETE}). */
    static final String LOWER_CASE_METHOD = "X-LOWER-CASE-";

    private final ServerConnectionSelector http1;
    private final int maxRequestLineBytes;
    private final int maxHeaderBytes;

    /**
     * @param http1               Helidon's HTTP/1.1 selector, which parses what this one lets through
     * @param maxRequestLineBytes Helidon's request-line limit; a longer line is passed through for it to refuse
     * @param maxHeaderBytes      Helidon's header-section limit, likewise
     */
    Http1FramingGuard(ServerConnectionSelector http1, int maxRequestLineBytes, int maxHeaderBytes) {
        this.http1 = http1;
        this.maxRequestLineBytes = maxRequestLineBytes;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    @Override
    public int bytesToIdentifyConnection() {
        return http1.bytesToIdentifyConnection();
    }

    @Override
    public Support supports(BufferData request) {
        return http1.supports(request);
    }

    @Override
    public Set<String> supportedApplicationProtocols() {
        return http1.supportedApplicationProtocols();
    }

    @Override
    public ServerConnection connection(ConnectionContext ctx) {
        DataReader guarded = new DataReader(new Framing(ctx.dataReader(), maxRequestLineBytes, maxHeaderBytes));
        return http1.connection(new GuardedContext(ctx, guarded));
    }

    /** The connection as Helidon gave it, except that its bytes are read through {@link Framing}. */
    private record GuardedContext(ConnectionContext ctx, DataReader dataReader) implements ConnectionContext {

        @Override
        public ListenerContext listenerContext() {
            return ctx.listenerContext();
        }

        @Override
        public ExecutorService executor() {
            return ctx.executor();
        }

        @Override
        public DataWriter dataWriter() {
            return ctx.dataWriter();
        }

        @Override
        public Router router() {
            return ctx.router();
        }

        @Override
        public Optional<ProxyProtocolData> proxyProtocolData() {
            return ctx.proxyProtocolData();
        }

        @Override
        public HelidonSocket serverSocket() {
            return ctx.serverSocket();
        }

        @Override
        public PeerInfo remotePeer() {
            return ctx.remotePeer();
        }

        @Override
        public PeerInfo localPeer() {
            return ctx.localPeer();
        }

        @Override
        public boolean isSecure() {
            return ctx.isSecure();
        }

        @Override
        public String socketId() {
            return ctx.socketId();
        }

        @Override
        public String childSocketId() {
            return ctx.childSocketId();
        }
    }

    /**
     * The byte supplier behind the guarded reader: each call reads what the socket has and returns it normalized,
     * or {@code null} at the end of the stream (also right after a malformed body was answered by a poisoned size).
     */
    static final class Framing implements Supplier<byte[]> {

        private enum State {
            REQUEST_LINE, HEADER_LINE, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILER_LINE, PASS_THROUGH, FAILED
        }

        private static final byte CR = '\r';
        private static final byte LF = '\n';
        private static final byte[] CRLF = {CR, LF};
        private static final byte[] CHUNKED = "Transfer-Encoding: chunked\r\n".getBytes(StandardCharsets.US_ASCII);
        /** A chunk size no parser reads: what follows a malformed chunk in the normalized stream. */
        private static final byte[] POISON = "!\r\n".getBytes(StandardCharsets.US_ASCII);
        private static final String TRANSFER_ENCODING = "transfer-encoding";
        private static final String CONTENT_LENGTH = "content-length";
        private static final Pattern LENGTH = Pattern.compile("[0-9]{1,18}");
        private static final int MAX_CHUNK_LINE_BYTES = 1024;
        private static final int MAX_TRAILER_BYTES = 8 * 1024;

        private final DataReader in;
        private final int maxRequestLineBytes;
        private final int maxHeaderBytes;
        private State state = State.REQUEST_LINE;
        private byte[] line = new byte[512];
        private int lineLength;
        private int sectionBytes;
        private long remaining;
        private boolean crSeen;
        private int transferEncodings;
        private boolean chunked;
        private String contentLength;
        private boolean contentLengthsDisagree;
        private byte[] out = new byte[8 * 1024];
        private int outLength;

        Framing(DataReader in, int maxRequestLineBytes, int maxHeaderBytes) {
            this.in = in;
            this.maxRequestLineBytes = maxRequestLineBytes;
            this.maxHeaderBytes = maxHeaderBytes;
        }

        @Override
        public byte[] get() {
            while (state != State.FAILED) {
                byte[] raw;
                try {
                    in.ensureAvailable();
                    raw = in.readBytes(in.available());
                } catch (DataReader.InsufficientDataAvailableException endOfStream) {
                    return null;
                }
                if (state == State.PASS_THROUGH) {
                    return raw;
                }
                outLength = 0;
                feed(raw);
                if (outLength > 0) {
                    return Arrays.copyOf(out, outLength);
                }
            }
            return null;
        }

        private void feed(byte[] raw) {
            int i = 0;
            while (i < raw.length) {
                switch (state) {
                    case PASS_THROUGH -> {
                        emit(raw, i, raw.length - i);
                        return;
                    }
                    case FAILED -> {
                        return;
                    }
                    case BODY, CHUNK_DATA -> {
                        int n = (int) Math.min(remaining, raw.length - i);
                        emit(raw, i, n);
                        i += n;
                        remaining -= n;
                        if (remaining == 0) {
                            state = state == State.BODY ? State.REQUEST_LINE : State.CHUNK_END;
                        }
                    }
                    case CHUNK_END -> {
                        byte b = raw[i++];
                        if (!crSeen && b == CR) {
                            crSeen = true;
                        } else if (crSeen && b == LF) {
                            crSeen = false;
                            emit(CRLF, 0, 2);
                            state = State.CHUNK_SIZE;
                        } else {
                            // Helidon skips two bytes after chunk data: give it two, then a size it refuses.
                            emit(CRLF, 0, 2);
                            fail();
                        }
                    }
                    default -> i = collectLine(raw, i);
                }
            }
        }

        /** Appends to the current line up to and including LF; handles the line when complete. */
        private int collectLine(byte[] raw, int from) {
            int lf = from;
            while (lf < raw.length && raw[lf] != LF) {
                lf++;
            }
            int end = lf < raw.length ? lf + 1 : raw.length;
            int n = end - from;
            if (lineLength + n > lineLimit()) {
                overlong(raw, from);
                return raw.length;
            }
            if (lineLength + n > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + n));
            }
            System.arraycopy(raw, from, line, lineLength, n);
            lineLength += n;
            if (lf < raw.length) {
                int length = lineLength;
                lineLength = 0;
                onLine(length);
            }
            return end;
        }

        private int lineLimit() {
            return switch (state) {
                case REQUEST_LINE -> maxRequestLineBytes + 2;
                case HEADER_LINE -> maxHeaderBytes + 2;
                case TRAILER_LINE -> MAX_TRAILER_BYTES;
                default -> MAX_CHUNK_LINE_BYTES;
            };
        }

        private void overlong(byte[] raw, int from) {
            if (state == State.REQUEST_LINE || state == State.HEADER_LINE) {
                passThrough(raw, from);
            } else {
                fail();
            }
        }

        /** From here on bytes go to Helidon unchanged; it refuses what led here, and closes the connection. */
        private void passThrough(byte[] raw, int from) {
            emit(line, 0, lineLength);
            lineLength = 0;
            emit(raw, from, raw.length - from);
            state = State.PASS_THROUGH;
        }

        private void passThroughLine(int length) {
            emit(line, 0, length);
            state = State.PASS_THROUGH;
        }

        private void onLine(int length) {
            boolean crlf = length >= 2 && line[length - 2] == CR;
            switch (state) {
                case REQUEST_LINE -> {
                    if (!crlf || length == 2) {
                        passThroughLine(length);
                    } else {
                        requestLine(length);
                    }
                }
                case HEADER_LINE -> {
                    if (!crlf) {
                        passThroughLine(length);
                    } else if (length == 2) {
                        endOfHeaders();
                    } else {
                        headerLine(length);
                    }
                }
                case CHUNK_SIZE -> {
                    if (crlf) {
                        chunkSize(length - 2);
                    } else {
                        fail();
                    }
                }
                case TRAILER_LINE -> {
                    if (!crlf) {
                        fail();
                    } else if (length == 2) {
                        emit(CRLF, 0, 2);
                        state = State.REQUEST_LINE;
                    } else if (fieldNameEnd(length - 2) < 0 || (sectionBytes += length) > MAX_TRAILER_BYTES) {
                        fail();
                    }
                }
                default -> throw new IllegalStateException(state.name());
            }
        }

        private void requestLine(int length) {
            int space = 0;
            boolean lowerCase = false;
            while (space < length - 2 && line[space] != ' ') {
                byte b = line[space];
                if (!isTokenChar(b)) {
                    passThroughLine(length);
                    return;
                }
                lowerCase |= b >= 'a' && b <= 'z';
                space++;
            }
            if (lowerCase) {
                byte[] prefix = LOWER_CASE_METHOD.getBytes(StandardCharsets.US_ASCII);
                emit(prefix, 0, prefix.length);
            }
            emit(line, 0, length);
            state = State.HEADER_LINE;
            sectionBytes = 0;
            transferEncodings = 0;
            chunked = false;
            contentLength = null;
            contentLengthsDisagree = false;
        }

        private void headerLine(int length) {
            sectionBytes += length;
            int colon = fieldNameEnd(length - 2);
            if (colon < 0 || sectionBytes > maxHeaderBytes) {
                passThroughLine(length);
                return;
            }
            if (colon != TRANSFER_ENCODING.length() && colon != CONTENT_LENGTH.length()) {
                emit(line, 0, length);
                return;
            }
            String name = new String(line, 0, colon, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
            String value = new String(line, colon + 1, length - 2 - colon - 1, StandardCharsets.US_ASCII).strip();
            if (name.equals(TRANSFER_ENCODING)) {
                transferEncodings++;
                if (value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                    emit(CHUNKED, 0, CHUNKED.length);
                    return;
                }
            } else if (name.equals(CONTENT_LENGTH)) {
                for (String each : value.split(",", -1)) {
                    String length1 = each.strip();
                    if (contentLength != null && !contentLength.equals(length1)) {
                        contentLengthsDisagree = true;
                    }
                    contentLength = length1;
                }
            }
            emit(line, 0, length);
        }

        private void endOfHeaders() {
            emit(CRLF, 0, 2);
            if (transferEncodings > 0) {
                // Anything but one "chunked" and no length is refused by RequestTargetFilter, which closes.
                state = transferEncodings == 1 && chunked && contentLength == null ? State.CHUNK_SIZE : State.PASS_THROUGH;
            } else if (contentLength != null) {
                if (contentLengthsDisagree || !LENGTH.matcher(contentLength).matches()) {
                    state = State.PASS_THROUGH;
                } else {
                    remaining = Long.parseLong(contentLength);
                    state = remaining == 0 ? State.REQUEST_LINE : State.BODY;
                }
            } else {
                state = State.REQUEST_LINE;
            }
        }

        /** {@code chunk-size [ BWS ";" extensions ]}: the size is kept, the extensions dropped (RFC 9112 §7.1.1). */
        private void chunkSize(int length) {
            int digits = 0;
            long size = 0;
            while (digits < length && Character.digit(line[digits], 16) >= 0 && line[digits] < 0x80) {
                size = size * 16 + Character.digit(line[digits], 16);
                digits++;
            }
            if (digits == 0 || digits > 8 || size > Integer.MAX_VALUE || !isChunkExtension(digits, length)) {
                fail();
                return;
            }
            emit(line, 0, digits);
            emit(CRLF, 0, 2);
            if (size == 0) {
                state = State.TRAILER_LINE;
                sectionBytes = 0;
            } else {
                remaining = size;
                state = State.CHUNK_DATA;
            }
        }

        private boolean isChunkExtension(int from, int to) {
            int i = from;
            while (i < to && (line[i] == ' ' || line[i] == '\t')) {
                i++;
            }
            if (i == to) {
                return i == from;
            }
            if (line[i] != ';') {
                return false;
            }
            for (; i < to; i++) {
                byte b = line[i];
                if (b != '\t' && (b < 0x20 || b == 0x7f)) {
                    return false;
                }
            }
            return true;
        }

        /** Index of the colon ending a field name of token characters, or -1 when the line is no field. */
        private int fieldNameEnd(int length) {
            int i = 0;
            while (i < length && isTokenChar(line[i])) {
                i++;
            }
            return i > 0 && i < length && line[i] == ':' ? i : -1;
        }

        private static boolean isTokenChar(byte b) {
            return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || "!#$%&'*+-.^_`|~".indexOf(b) >= 0;
        }

        private void fail() {
            emit(POISON, 0, POISON.length);
            state = State.FAILED;
        }

        private void emit(byte[] bytes, int from, int n) {
            if (outLength + n > out.length) {
                out = Arrays.copyOf(out, Math.max(out.length * 2, outLength + n));
            }
            System.arraycopy(bytes, from, out, outLength, n);
            outLength += n;
        }
    }
}
