package dev.runtimes.server.web.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtimes.server.error.ErrorKind;
import dev.runtimes.server.web.Stages;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body whose {@code Content-Length} is over {@code quarkus.http.limits.max-body-size}
 * with the envelope, before anything reads it. (Quarkus' own check, which also stops a chunked
 * body once it passes the limit, answers 413 without a body.)
 */
@ApplicationScoped
public class BodySizeLimit {
    private final long maxBodyBytes;
    private final byte[] refusal;

    BodySizeLimit(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize, ObjectMapper mapper)
            throws JsonProcessingException {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.refusal = mapper.writeValueAsBytes(
                ErrorEnvelope.payload(ErrorKind.PAYLOAD_TOO_LARGE, ErrorEnvelope.tooLarge(maxBodyBytes), null));
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, Stages.BODY_SIZE_LIMIT);
    }

    private void check(RoutingContext request) {
        String length = request.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredOver(length)) {
            request.response()
                    .setStatusCode(ErrorKind.PAYLOAD_TOO_LARGE.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(Buffer.buffer(refusal));
            return;
        }
        request.next();
    }

    private boolean declaredOver(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodyBytes;
        } catch (NumberFormatException malformed) {
            return false; // Vert.x refuses a malformed Content-Length itself
        }
    }
}
