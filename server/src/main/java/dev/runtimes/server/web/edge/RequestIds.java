package dev.runtimes.server.web.edge;

import dev.runtimes.server.web.Stages;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is well-formed, a new UUID
 * otherwise. The id goes back on every answer, including the framework's own, and into the
 * logging context, so every log line of the request carries it.
 */
@ApplicationScoped
public class RequestIds {
    public static final String HEADER = "X-Request-Id";
    /** The key of the id in the logging context (MDC); JSON logs show it under this name. */
    public static final String LOG_KEY = "request_id";

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    void register(@Observes Filters filters) {
        filters.register(RequestIds::assign, Stages.REQUEST_ID);
    }

    /** The id of the request being handled on this thread. */
    public static String current() {
        return (String) MDC.get(LOG_KEY);
    }

    private static void assign(RoutingContext request) {
        String presented = request.request().getHeader(HEADER);
        String id = presented != null && WELL_FORMED.matcher(presented).matches()
                ? presented
                : UUID.randomUUID().toString();
        MDC.put(LOG_KEY, id);
        request.response().putHeader(HEADER, id);
        request.next();
    }
}
