package dev.runtimes.server.web.edge;

import dev.runtimes.server.web.Stages;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;

/**
 * A request without content has no media type to honour. Quarkus REST reads a form body
 * (multipart or URL-encoded) before any operation is matched, and an empty multipart body is
 * not one it can parse: an operation that takes no body answered {@code 415} for a
 * {@code Content-Type} about content the request did not have. The spec says an operation
 * without a body ignores {@code Content-Type}; this drops a form's before Quarkus REST sees it.
 */
@ApplicationScoped
public class FormWithoutContent {
    void register(@Observes Filters filters) {
        filters.register(FormWithoutContent::check, Stages.FORM_WITHOUT_CONTENT);
    }

    private static void check(RoutingContext request) {
        MultiMap headers = request.request().headers();
        String type = headers.get(HttpHeaders.CONTENT_TYPE);
        if (type != null && isForm(type) && withoutContent(headers)) {
            headers.remove(HttpHeaders.CONTENT_TYPE);
        }
        request.next();
    }

    private static boolean isForm(String type) {
        String lower = type.toLowerCase(Locale.ROOT);
        return lower.startsWith("multipart/") || lower.startsWith("application/x-www-form-urlencoded");
    }

    private static boolean withoutContent(MultiMap headers) {
        String length = headers.get(HttpHeaders.CONTENT_LENGTH);
        return !headers.contains(HttpHeaders.TRANSFER_ENCODING)
                && (length == null || length.trim().equals("0"));
    }
}
