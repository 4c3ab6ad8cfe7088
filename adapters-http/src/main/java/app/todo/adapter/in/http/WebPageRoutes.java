package app.todo.adapter.in.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The two pages for browsers, which are not API operations: the todo web app at {@code GET /} (our own
 * {@code index.html}, {@code app.js}, {@code app.css}) and the API explorer at {@code GET /docs} (Swagger UI
 * from the {@code org.webjars:swagger-ui} jar, started by our {@code /docs/init.js} on {@code /openapi.json}).
 * Both are public and served from the class path, so they work offline.
 *
 * <p>Hand-written rather than Helidon's static-content module: it serves a fixed list of files read once at
 * start (a missing one stops the start-up), with the security headers below and {@code HEAD} as every other
 * {@code GET} here has it, and never whatever else a class-path folder might hold.
 *
 * <p>Every file carries {@code X-Content-Type-Options: nosniff}; the HTML pages carry a
 * {@code Content-Security-Policy} that admits only the service's own scripts, styles, images and requests.
 * Swagger UI runs under it without {@code 'unsafe-inline'}: it is started from a file, not an inline script;
 * the webjar's standalone preset, whose logo carries a {@code <style>}, is not loaded; and React sets styles
 * through the DOM, which a policy does not restrict. BrowserTest (bootstrap) checks for violations.
 * Files are revalidated on each use ({@code Cache-Control: no-cache}) against a strong {@code ETag}.
 */
public final class WebPageRoutes implements HttpService {

    /** The policy of both pages: nothing inline, nothing from elsewhere, never framed. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    private static final String OWN = "/web/";
    private static final String WEBJAR_PROPERTIES = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private static final String HTML = "text/html; charset=utf-8";
    private static final String JAVASCRIPT = "text/javascript; charset=utf-8";
    private static final String CSS = "text/css; charset=utf-8";
    private static final String PNG = "image/png";

    private final Map<String, File> files = new LinkedHashMap<>();

    public WebPageRoutes() {
        String swaggerUi = "/META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/";
        add("/", OWN + "index.html", HTML);
        add("/app.js", OWN + "app.js", JAVASCRIPT);
        add("/app.css", OWN + "app.css", CSS);
        add("/docs", OWN + "docs.html", HTML);
        add("/docs/init.js", OWN + "docs-init.js", JAVASCRIPT);
        add("/docs/docs.css", OWN + "docs.css", CSS);
        for (String name : List.of("swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png", "favicon-16x16.png")) {
            add("/docs/" + name, swaggerUi + name,
                    name.endsWith(".js") ? JAVASCRIPT : name.endsWith(".css") ? CSS : PNG);
        }
    }

    @Override
    public void routing(HttpRules rules) {
        files.forEach((path, file) -> {
            Endpoint.at(rules, path).on(Method.GET, (req, res) -> serve(file, req, res));
        });
    }

    private static void serve(File file, ServerRequest req, ServerResponse res) {
        res.header("X-Content-Type-Options", "nosniff");
        if (file.contentType().equals(HTML)) {
            res.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        res.header(HeaderNames.ETAG, file.etag());
        boolean unchanged = req.headers().first(HeaderNames.IF_NONE_MATCH)
                .map(tags -> List.of(tags.split(",")).stream().map(String::strip)
                        .anyMatch(tag -> tag.equals(file.etag()) || tag.equals("*")))
                .orElse(false);
        if (unchanged) {
            res.status(Status.NOT_MODIFIED_304).send();
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, file.contentType());
        res.send(file.body());
    }

    private void add(String path, String resource, String contentType) {
        if (WebPageRoutes.class.getResource(resource) == null) { // a missing file fails the start, not a request
            throw new IllegalStateException("The web page file " + resource + " is not on the class path");
        }
        files.put(path, new File(contentType, resource));
    }

    private static String webjarVersion() {
        Properties properties = new Properties();
        try (InputStream in = WebPageRoutes.class.getResourceAsStream(WEBJAR_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("Swagger UI (org.webjars:swagger-ui) is not on the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + WEBJAR_PROPERTIES, e);
        }
        return properties.getProperty("version");
    }

    private static byte[] read(String resource) {
        try (InputStream in = WebPageRoutes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The web page file " + resource + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A page file, read and hashed on its first request: Swagger UI's bundle is over a megabyte, and reading
     * and hashing it at start cost a tenth of the start-up time for a page most instances never serve.
     */
    private static final class File {
        private record Loaded(byte[] body, String etag) {
        }

        private final String contentType;
        private final String resource;
        private volatile Loaded loaded;

        File(String contentType, String resource) {
            this.contentType = contentType;
            this.resource = resource;
        }

        String contentType() {
            return contentType;
        }

        byte[] body() {
            return loaded().body();
        }

        String etag() {
            return loaded().etag();
        }

        private Loaded loaded() {
            Loaded now = loaded;
            if (now == null) { // two first requests may both read it: the same bytes, so either result serves
                byte[] body = read(resource);
                now = new Loaded(body, "\"" + sha256(body).substring(0, 32) + "\"");
                loaded = now;
            }
            return now;
        }
    }
}
