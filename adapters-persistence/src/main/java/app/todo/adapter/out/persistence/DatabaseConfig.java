package app.todo.adapter.out.persistence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the database is and how to log in. {@code username} and {@code password} may be
 * {@code null} when the JDBC URL carries them itself or the database needs none.
 *
 * <p>The password never appears in {@link #toString()} or in any error message of this class.
 */
public record DatabaseConfig(String jdbcUrl, String username, String password, int poolSize) {

    private static final String POSTGRES_JDBC = "jdbc:postgresql:";
    private static final String H2_JDBC = "jdbc:h2:";

    /**
     * H2 settings that make it behave like PostgreSQL as far as our SQL and jOOQ's quoting care. Writes of one user
     * take turns on the user's row (docs/api.md, "Changes feed"); PostgreSQL lets the next one wait for as long as the
     * first takes, H2 only 2 s by default, which a busy machine exceeds: 10 s here. No trace file: H2 writes its
     * own errors there (and, when it cannot, their stack traces to stderr); the service logs what failed itself.
     */
    private static final Map<String, String> H2_SETTINGS = Map.of(
            "MODE", "PostgreSQL",
            "DATABASE_TO_LOWER", "TRUE",
            "DEFAULT_NULL_ORDERING", "HIGH",
            "LOCK_TIMEOUT", "10000",
            "TRACE_LEVEL_FILE", "0");
    private static final List<String> H2_SETTING_ORDER = List.of("MODE", "DATABASE_TO_LOWER", "DEFAULT_NULL_ORDERING", "LOCK_TIMEOUT",
            "TRACE_LEVEL_FILE");

    /** libpq parameter names (as in Neon's URLs) whose PgJDBC spelling differs; PgJDBC ignores the libpq ones. */
    private static final Map<String, String> LIBPQ_TO_PGJDBC = Map.of(
            "channel_binding", "channelBinding",
            "application_name", "ApplicationName",
            "connect_timeout", "connectTimeout");

    private static final Pattern HOST_AND_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._%-]+)(:[0-9]{1,5})?");
    private static final Pattern SECRET_IN_URL = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USERINFO_IN_URL = Pattern.compile("//[^/@?]*@");

    public DatabaseConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith(POSTGRES_JDBC) && !jdbcUrl.startsWith(H2_JDBC)) {
            throw new IllegalArgumentException(
                    "database URL must start with jdbc:postgresql:, jdbc:h2:, postgres:// or postgresql://");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("database pool size must be at least 1, got " + poolSize);
        }
    }

    /**
     * Reads a database URL as people write it: a JDBC URL ({@code jdbc:postgresql://…},
     * {@code jdbc:h2:…}), or a libpq/Neon URL {@code postgres[ql]://user:password@host[:port]/db?sslmode=require}.
     * Null or blank means the embedded, file-backed H2 database under {@code embeddedDirectory}.
     *
     * @throws IllegalArgumentException when the URL cannot be understood; the message never shows the password
     */
    public static DatabaseConfig fromDatabaseUrl(String databaseUrlOrNull, Path embeddedDirectory, int poolSize) {
        if (databaseUrlOrNull == null || databaseUrlOrNull.isBlank()) {
            return embedded(embeddedDirectory, poolSize);
        }
        String url = databaseUrlOrNull.strip();
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("postgres://") || lower.startsWith("postgresql://")) {
            return fromLibpqUrl(url, poolSize);
        }
        if (lower.startsWith(POSTGRES_JDBC)) {
            if (!lower.startsWith(POSTGRES_JDBC + "//")) {
                throw new IllegalArgumentException("database URL must look like jdbc:postgresql://host[:port]/database");
            }
            String afterHost = url.substring(POSTGRES_JDBC.length() + 2);
            int slash = afterHost.indexOf('/');
            String database = slash < 0 ? "" : afterHost.substring(slash + 1).split("[?;]", 2)[0];
            requireDatabaseName(database);
            return new DatabaseConfig(url, null, null, poolSize);
        }
        if (lower.startsWith(H2_JDBC)) {
            return new DatabaseConfig(withH2Settings(url), null, null, poolSize);
        }
        throw new IllegalArgumentException("database URL must start with postgres://, postgresql://, "
                + "jdbc:postgresql:// or jdbc:h2: (got " + described(url) + ")");
    }

    /** The embedded H2 database, kept in files under {@code directory} across restarts. */
    public static DatabaseConfig embedded(Path directory, int poolSize) {
        Objects.requireNonNull(directory, "embeddedDirectory");
        String dir = directory.toAbsolutePath().normalize().toString().replace('\\', '/');
        if (dir.contains(";")) {
            throw new IllegalArgumentException("the embedded database directory must not contain ';': " + dir);
        }
        return new DatabaseConfig(withH2Settings(H2_JDBC + "file:" + dir + "/todo"), "sa", "", poolSize);
    }

    public boolean isH2() {
        return jdbcUrl.startsWith(H2_JDBC);
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith(POSTGRES_JDBC);
    }

    /**
     * Whether a transaction-mode pooler sits between the service and PostgreSQL, so that consecutive
     * transactions of one pooled connection may run on different server connections: PgBouncer told so with
     * {@code pgbouncer=true} in the URL (the convention Prisma's users know), Neon's pooled host
     * ({@code …-pooler.…}) and Supabase's pooler ({@code pooler.supabase.com}) by their names, or
     * {@code prepareThreshold=0} given by hand. Then nothing may live in a server session: no server-side
     * prepared statements and no session settings (docs/operations.md, "Connection poolers").
     */
    public boolean behindTransactionPooler() {
        if (!isPostgres()) {
            return false;
        }
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        String hosts = lower.substring(POSTGRES_JDBC.length() + 2).split("[/?]", 2)[0];
        return POOLER_PARAMETER.matcher(lower).find() || hosts.contains("-pooler.") || hosts.contains("pooler.supabase.com")
                || lower.matches(".*[?&]preparethreshold=0(&.*)?$");
    }

    private static final Pattern POOLER_PARAMETER = Pattern.compile("[?&]pgbouncer=(true|1|yes)(&|$)");

    /** The JDBC URL with any secret in it masked, fit for logs and error messages. */
    public String safeJdbcUrl() {
        String masked = SECRET_IN_URL.matcher(jdbcUrl).replaceAll("$1***");
        return USERINFO_IN_URL.matcher(masked).replaceAll("//***@");
    }

    @Override
    public String toString() {
        return "DatabaseConfig[jdbcUrl=" + safeJdbcUrl() + ", username=" + username
                + ", password=" + (password == null || password.isEmpty() ? "<none>" : "***")
                + ", poolSize=" + poolSize + "]";
    }

    private static DatabaseConfig fromLibpqUrl(String url, int poolSize) {
        String rest = url.substring(url.indexOf("://") + 3);
        String query = "";
        int questionMark = rest.indexOf('?');
        if (questionMark >= 0) {
            query = rest.substring(questionMark + 1);
            rest = rest.substring(0, questionMark);
        }
        int slash = rest.indexOf('/');
        String authority = slash >= 0 ? rest.substring(0, slash) : rest;
        String database = slash >= 0 ? rest.substring(slash + 1) : "";
        // The last '@' ends the credentials: an unescaped '@' in a password still parses.
        int at = authority.lastIndexOf('@');
        String hosts = authority.substring(at + 1);
        String username = null;
        String password = null;
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            int colon = userInfo.indexOf(':');
            username = percentDecode(colon >= 0 ? userInfo.substring(0, colon) : userInfo);
            password = colon >= 0 ? percentDecode(userInfo.substring(colon + 1)) : null;
            if (username.isEmpty()) {
                username = null;
            }
        }
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException(
                    "database URL has no host (expected postgres://user:password@host[:port]/database)");
        }
        for (String host : hosts.split(",", -1)) {
            if (!HOST_AND_PORT.matcher(host).matches()) {
                throw new IllegalArgumentException("database URL has an invalid host or port: '" + host + "'");
            }
        }
        requireDatabaseName(database);
        if (database.contains("/")) {
            throw new IllegalArgumentException("database URL has an invalid database name: '" + database + "'");
        }
        String jdbcQuery = jdbcQuery(query);
        return new DatabaseConfig(POSTGRES_JDBC + "//" + hosts + "/" + database
                + (jdbcQuery.isEmpty() ? "" : "?" + jdbcQuery), username, password, poolSize);
    }

    private static String jdbcQuery(String query) {
        List<String> parameters = new ArrayList<>();
        for (String parameter : query.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String key = equals >= 0 ? parameter.substring(0, equals) : parameter;
            String value = equals >= 0 ? parameter.substring(equals) : "";
            if (key.equals("target_session_attrs")) {
                // libpq's way of asking a multi-host URL for the primary; PgJDBC names it targetServerType.
                parameters.add("targetServerType" + switch (value) {
                    case "=read-write", "=primary" -> "=primary";
                    case "=read-only", "=standby" -> "=secondary";
                    case "=prefer-standby" -> "=preferSecondary";
                    default -> "=any";
                });
                continue;
            }
            parameters.add(LIBPQ_TO_PGJDBC.getOrDefault(key, key) + value);
        }
        return String.join("&", parameters);
    }

    private static String withH2Settings(String url) {
        StringBuilder result = new StringBuilder(url);
        String upper = url.toUpperCase(Locale.ROOT);
        for (String key : H2_SETTING_ORDER) {
            if (!upper.contains(";" + key + "=")) {
                result.append(';').append(key).append('=').append(H2_SETTINGS.get(key));
            }
        }
        return result.toString();
    }

    /** Percent-decoding as in URLs (RFC 3986): unlike URLDecoder, '+' stays a plus. */
    private static String percentDecode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        int i = 0;
        while (i < encoded.length()) {
            int percent = encoded.indexOf('%', i);
            int plainEnd = percent < 0 ? encoded.length() : percent;
            bytes.writeBytes(encoded.substring(i, plainEnd).getBytes(StandardCharsets.UTF_8));
            if (percent < 0) {
                break;
            }
            int high = percent + 2 < encoded.length() ? Character.digit(encoded.charAt(percent + 1), 16) : -1;
            int low = high >= 0 ? Character.digit(encoded.charAt(percent + 2), 16) : -1;
            if (low < 0) {
                throw new IllegalArgumentException(
                        "database URL has a malformed %-escape in its user name or password");
            }
            bytes.write(high * 16 + low);
            i = percent + 3;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * Without a name PostgreSQL connects to the database named like the user (often {@code postgres}, the
     * server's administrative one), and the service would migrate its tables into it unnoticed.
     */
    private static void requireDatabaseName(String database) {
        if (database.isBlank()) {
            throw new IllegalArgumentException("database URL names no database: add one after the host, "
                    + "as in postgres://user:password@host:5432/todo (else PostgreSQL would use its default "
                    + "database, often the server's own 'postgres')");
        }
    }

    /** What was given, for the error message: the scheme when there is one, else the text, never credentials. */
    private static String described(String url) {
        int colon = url.indexOf(':');
        if (colon > 0 && colon < 20) {
            return "scheme '" + url.substring(0, colon) + "'";
        }
        String shown = url.contains("@") ? url.substring(url.lastIndexOf('@') + 1) : url;
        return "'" + (shown.length() > 40 ? shown.substring(0, 40) + "…" : shown) + "', which has no scheme";
    }
}
