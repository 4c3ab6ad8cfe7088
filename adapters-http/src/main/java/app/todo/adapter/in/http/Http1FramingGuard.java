package app.todo.adapter.in.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * {@code 400} and the connection closes (RequestBodies). A request whose framing is ambiguous (conflicting lengths,
 * another coding, a malformed field line, a header section over the limit) or whose method is no token reaches
 * Helidon up to the end of its header section and nothing after it: whoever answers it, no byte of its body can
 * be read as a request. Only a request line longer than Helidon's limit goes on unread, for Helidon's {@code 414}.
 * A request's head (its request line and header section) must arrive within {@code headDeadline} of its first byte
 * (a new connection's first head, of the connection's opening), or the connection closes without an answer: Helidon closes only idle connections, and one that sends a header
 * byte now and then is never idle (docs/operations.md, "Many connections"). A head that arrives in one read, as
 * nearly all do, sets no deadline at all.
 * Hand-written because no HTTP/1.1 parser can sit in front of Helidon's; it keeps no more than one line.
 */
final class Http1FramingGuard implements ServerConnectionSelector {

    /** Prefix of a method name that arrived with lower-case letters ({@code X-LOWER-CASE-DELETE}). */
    static final String LOWER_CASE_METHOD = "X-LOWER-CASE-";

    private static final System.Logger LOG = System.getLogger(Http1FramingGuard.class.getName());

    private final ServerConnectionSelector http1;
    private final int maxRequestLineBytes;
    private final int maxHeaderBytes;
    private final Duration headDeadline;

    /**
     * @param http1               Helidon's HTTP/1.1 selector, which parses what this one lets through
     * @param maxRequestLineBytes Helidon's request-line limit; a longer line is passed through for it to refuse
     * @param maxHeaderBytes      Helidon's header-section limit, likewise
     * @param headDeadline        how long a request's head may take to arrive, from its first byte
     */
    Http1FramingGuard(ServerConnectionSelector http1, int maxRequestLineBytes, int maxHeaderBytes, Duration headDeadline) {
        this.http1 = http1;
        this.maxRequestLineBytes = maxRequestLineBytes;
        this.maxHeaderBytes = maxHeaderBytes;
        this.headDeadline = headDeadline;
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
        DataReader guarded = new DataReader(new Framing(ctx.dataReader(), maxRequestLineBytes, maxHeaderBytes, headDeadline));
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
     * or {@code null} at the end of the stream, real or {@link State#HALTED} after a request that cannot be trusted.
     */
    static final class Framing implements Supplier<byte[]> {

        private enum State {
            REQUEST_LINE, HEADER_LINE, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILER_LINE, PASS_THROUGH, HALTED
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
        /** Empty lines ignored before a request line (RFC 9112 §2.2 asks for at least one). */
        private static final int MAX_LEADING_EMPTY_LINES = 8;
        /** What a request line with a method that is no token becomes: a token, then no version, so Helidon answers 400. */
        private static final byte[] INVALID_REQUEST_LINE = "INVALID-METHOD /\r\n".getBytes(StandardCharsets.US_ASCII);
        private static final int MAX_TRAILER_BYTES = 8 * 1024;

        private final DataReader in;
        private final int maxRequestLineBytes;
        private final int maxHeaderBytes;
        private State state = State.REQUEST_LINE;
        private byte[] line = new byte[512];
        private int lineLength;
        private int sectionBytes;
        private int emptyLines;
        private long remaining;
        private boolean crSeen;
        private int transferEncodings;
        private boolean chunked;
        private String contentLength;
        private boolean contentLengthsDisagree;
        // Made for each read and handed to Helidon: an idle connection (a live stream) keeps no buffer of its own.
        private byte[] out;
        private int outLength;
        private final Duration headDeadline;
        /** Set while a head that did not arrive in one read is still incomplete. */
        private ReadDeadline headWatch;
        private int headsEnded;
        private boolean opened;

        Framing(DataReader in, int maxRequestLineBytes, int maxHeaderBytes, Duration headDeadline) {
            this.in = in;
            this.maxRequestLineBytes = maxRequestLineBytes;
            this.maxHeaderBytes = maxHeaderBytes;
            this.headDeadline = headDeadline;
        }

        @Override
        public byte[] get() {
            if (!opened) {
                opened = true;
                // A new connection's first head is due from its opening: one that sends nothing at all holds one
                // of the capped places as surely as one that sends slowly.
                headWatch = ReadDeadline.start(headDeadline);
            }
            while (state != State.HALTED) {
                byte[] raw;
                try {
                    in.ensureAvailable();
                    raw = in.readBytes(in.available());
                } catch (DataReader.InsufficientDataAvailableException endOfStream) {
                    headTooSlow();
                    return null;
                } catch (RuntimeException e) {
                    if (headTooSlow()) {
                        return null; // the socket was closed under the read: the end, for Helidon too
                    }
                    throw e;
                }
                if (state == State.PASS_THROUGH) {
                    return raw;
                }
                out = new byte[raw.length + 64];
                outLength = 0;
                int endedBefore = headsEnded;
                feed(raw);
                watchHead(endedBefore);
                byte[] normalized = outLength == out.length ? out : Arrays.copyOf(out, outLength);
                out = null;
                if (line.length > 512 && lineLength == 0) {
                    line = new byte[512]; // a long header line passed: give the memory back
                }
                if (normalized.length > 0) {
                    return normalized;
                }
            }
            return null;
        }

        /**
         * Starts the head's deadline when a read leaves a head incomplete, and stops it once that head is complete. A
         * deadline that passed just as its head completed is forgiven: its interrupt is cleared before any read.
         */
        private void watchHead(int endedBefore) {
            boolean inHead = state == State.HEADER_LINE || (state == State.REQUEST_LINE && lineLength > 0);
            if (headWatch != null && (!inHead || headsEnded != endedBefore)) {
                if (headWatch.finish()) {
                    Thread.interrupted();
                }
                headWatch = null;
            }
            if (headWatch == null && inHead) {
                headWatch = ReadDeadline.start(headDeadline);
            }
        }

        /** Whether the read ended because the head's deadline passed; if so, says so once in the log. */
        private boolean headTooSlow() {
            if (headWatch == null || !headWatch.finish()) {
                return false;
            }
            headWatch = null;
            Thread.interrupted(); // spent: the connection is closed
            state = State.HALTED;
            LOG.log(System.Logger.Level.INFO, () -> "A connection closed without an answer: its request head did not "
                    + "arrive within " + headDeadline.toSeconds() + " seconds");
            return true;
        }

        private void feed(byte[] raw) {
            int i = 0;
            while (i < raw.length) {
                switch (state) {
                    case PASS_THROUGH -> {
                        emit(raw, i, raw.length - i);
                        return;
                    }
                    case HALTED -> {
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
            switch (state) {
                case REQUEST_LINE -> {
                    // Helidon answers 414 once it has seen more than its limit, and closes.
                    emit(line, 0, lineLength);
                    emit(raw, from, raw.length - from);
                    state = State.PASS_THROUGH;
                }
                case HEADER_LINE -> {
                    // One line longer than Helidon's limit for the whole section: it refuses it, once it has seen it.
                    emit(line, 0, lineLength);
                    emit(raw, from, raw.length - from);
                    halted();
                }
                default -> fail();
            }
            lineLength = 0;
        }

        /** Helidon gets {@code length} bytes of the current line and nothing after them. */
        private void halt(int length) {
            emit(line, 0, length);
            halted();
        }

        /**
         * No byte more from the client reaches Helidon; one CRLF does, since Helidon reads ahead to describe a line
         * it refuses and would otherwise close without answering. An empty line can never be a request.
         */
        private void halted() {
            emit(CRLF, 0, 2);
            state = State.HALTED;
        }

        private void onLine(int length) {
            boolean crlf = length >= 2 && line[length - 2] == CR;
            switch (state) {
                case REQUEST_LINE -> {
                    if (crlf && length == 2 && ++emptyLines <= MAX_LEADING_EMPTY_LINES) {
                        return;
                    }
                    if (!crlf || length == 2) {
                        halt(length); // Helidon refuses a bare LF and an empty request line
                    } else {
                        requestLine(length);
                    }
                }
                case HEADER_LINE -> {
                    if (!crlf) {
                        halt(length);
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
                    emit(INVALID_REQUEST_LINE, 0, INVALID_REQUEST_LINE.length);
                    halted();
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
            emptyLines = 0;
            sectionBytes = 0;
            transferEncodings = 0;
            chunked = false;
            contentLength = null;
            contentLengthsDisagree = false;
        }

        /** Counts what Helidon is given, so its header limit and this one agree to the byte. */
        private void headerLine(int length) {
            int colon = fieldNameEnd(length - 2);
            if (colon < 0) {
                // A line that is no field: Helidon would take one with an empty name (": v") as a header.
                fail();
                return;
            }
            if (colon == TRANSFER_ENCODING.length() || colon == CONTENT_LENGTH.length()) {
                String name = new String(line, 0, colon, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
                String value = withoutOptionalWhiteSpace(colon + 1, length - 2);
                if (name.equals(TRANSFER_ENCODING)) {
                    transferEncodings++;
                    if (value.equalsIgnoreCase("chunked")) {
                        chunked = true;
                        emitField(CHUNKED, CHUNKED.length);
                        return;
                    }
                } else if (name.equals(CONTENT_LENGTH)) {
                    for (String each : value.split(",", -1)) {
                        String one = each.replaceAll("^[ \t]+|[ \t]+$", "");
                        if (contentLength != null && !contentLength.equals(one)) {
                            contentLengthsDisagree = true;
                        }
                        contentLength = one;
                    }
                }
            }
            emitField(line, length);
        }

        private void emitField(byte[] field, int length) {
            sectionBytes += length;
            emit(field, 0, length);
            if (sectionBytes > maxHeaderBytes) {
                halted(); // past Helidon's limit too: it refuses the section
            }
        }

        /** The field value without leading and trailing SP and HTAB, the only optional white space (RFC 9110 §5.6.3). */
        private String withoutOptionalWhiteSpace(int from, int to) {
            while (from < to && (line[from] == ' ' || line[from] == '\t')) {
                from++;
            }
            while (to > from && (line[to - 1] == ' ' || line[to - 1] == '\t')) {
                to--;
            }
            return new String(line, from, to - from, StandardCharsets.ISO_8859_1);
        }

        private void endOfHeaders() {
            headsEnded++;
            emit(CRLF, 0, 2);
            // Anything but one "chunked" and no length, or one length in digits, is refused (RequestTargetFilter)
            // and where its body ends is unknown: Helidon gets nothing after its header section.
            if (transferEncodings > 0) {
                if (transferEncodings == 1 && chunked && contentLength == null) {
                    state = State.CHUNK_SIZE;
                } else {
                    halted();
                }
            } else if (contentLength != null) {
                if (contentLengthsDisagree || !LENGTH.matcher(contentLength).matches()) {
                    halted();
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
            halted();
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
