package dev.runtimes.server.web.edge;

import dev.runtimes.server.web.Stages;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * One line per answered request: method, route template, status, duration. The request id comes
 * with the logging context. Headers, query strings and bodies are never logged: they carry tokens
 * and cursors.
 */
@ApplicationScoped
public class AccessLog {
    private static final Logger LOG = Logger.getLogger("dev.runtimes.access");

    /**
     * Where Quarkus REST leaves the matched route template for its metrics and traces: the access
     * line names the same route as the {@code uri} tag of {@code http_server_requests_seconds}.
     */
    private static final String ROUTE_TEMPLATE = "UrlPathTemplate";

    void register(@Observes Filters filters) {
        filters.register(AccessLog::watch, Stages.ACCESS_LOG);
    }

    private static void watch(RoutingContext request) {
        long start = System.nanoTime();
        request.addEndHandler(done -> {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            String route = route(request);
            // Probes and scrapes come every few seconds from every replica; they stay out of INFO.
            Logger.Level level = route.startsWith("/q/") ? Logger.Level.DEBUG : Logger.Level.INFO;
            if (LOG.isEnabled(level)) {
                // Concatenated, not logf: java.util.Formatter looked up locale data at every request.
                LOG.log(
                        level,
                        request.request().method().name() + " " + route + " "
                                + request.response().getStatusCode() + " " + millis + "ms");
            }
        });
        request.next();
    }

    private static String route(RoutingContext request) {
        Object template =
                ((HttpServerRequestInternal) request.request()).context().getLocal(ROUTE_TEMPLATE);
        return template != null ? template.toString() : request.normalizedPath();
    }
}
