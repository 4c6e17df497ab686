package dev.runtimes.server.openapi;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the committed contract at {@code /q/openapi}, byte for byte as the build copied it
 * (server/pom.xml), and Swagger UI (the {@code org.webjars:swagger-ui} jar) at
 * {@code /q/swagger-ui/}, reading that document. Nothing is parsed or written at start-up: a file is
 * read from the class path at its first request.
 */
@ApplicationScoped
class OpenApiRoutes {
    static final String SPEC = "META-INF/openapi/runtimes-api.yaml";
    private static final String INITIALIZER = "swagger-ui/swagger-initializer.js";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";

    private final Map<String, Buffer> files = new ConcurrentHashMap<>();

    void register(@Observes Router router) {
        router.get("/q/openapi").handler(request -> send(request, SPEC, "application/yaml;charset=UTF-8"));
        // A regular expression, so that the path with its slash is not matched as well.
        router.getWithRegex("/q/swagger-ui").handler(request -> request.redirect("/q/swagger-ui/"));
        router.get("/q/swagger-ui/swagger-initializer.js")
                .handler(request -> send(request, INITIALIZER, "text/javascript;charset=UTF-8"));
        router.get("/q/swagger-ui/*").handler(StaticHandler.create(WEBJAR + webjarVersion()));
    }

    private void send(RoutingContext request, String resource, String contentType) {
        request.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, contentType)
                .end(files.computeIfAbsent(resource, path -> Buffer.buffer(read(path))));
    }

    /** The webjar keeps its files under its version; its Maven metadata names it. */
    private static String webjarVersion() {
        Properties pom = new Properties();
        try (InputStream in = stream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static byte[] read(String resource) {
        try (InputStream in = stream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(String resource) {
        InputStream in = OpenApiRoutes.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is not on the class path");
        }
        return in;
    }
}
