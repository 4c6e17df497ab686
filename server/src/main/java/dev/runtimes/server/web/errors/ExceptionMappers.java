package dev.runtimes.server.web.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.runtimes.server.error.ErrorKind;
import dev.runtimes.server.error.ServiceException;
import dev.runtimes.server.web.edge.RequestIds;
import dev.runtimes.server.web.json.JsonReadLimits;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure, ours or the framework's, into the canonical envelope. */
public class ExceptionMappers {
    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class);

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @ServerExceptionMapper
    public Response service(ServiceException e) {
        return ErrorEnvelope.of(e.kind(), e.getMessage(), e.problems());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return ErrorEnvelope.of(ErrorKind.NOT_FOUND, "No operation is found at " + uri.getPath() + ".");
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        Response.ResponseBuilder builder =
                ErrorEnvelope.builder(ErrorKind.METHOD_NOT_ALLOWED, "This method is not allowed here.", null);
        Object allow = e.getResponse().getHeaders().getFirst(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response notSupported(NotSupportedException e) {
        return ErrorEnvelope.of(ErrorKind.UNSUPPORTED_MEDIA_TYPE, "The request body must be application/json.");
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        String detail = e instanceof StreamConstraintsException
                ? "The request body is nested deeper than " + JsonReadLimits.MAX_NESTING_DEPTH + " levels."
                : "The request body is not valid JSON.";
        return ErrorEnvelope.of(ErrorKind.INVALID_REQUEST, detail);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        // Quarkus REST reports a body that is not JSON at all (truncated, nested too deep) as a plain 400.
        if (e.getCause() instanceof JsonProcessingException malformed && !(malformed instanceof JsonMappingException)) {
            return malformedJson(malformed);
        }
        if (status == 400) {
            return ErrorEnvelope.of(ErrorKind.INVALID_REQUEST, "The request is malformed.");
        }
        if (status == 413) {
            return ErrorEnvelope.of(ErrorKind.PAYLOAD_TOO_LARGE, ErrorEnvelope.tooLarge(maxBodySize.asLongValue()));
        }
        return internal(e);
    }

    /**
     * RESTEasy parses a form body (multipart or URL-encoded) before any operation sees it; no
     * operation takes one, so a body it cannot parse is the wrong media type, not our fault.
     */
    @ServerExceptionMapper
    public Response unreadableForm(IOException e, HttpHeaders headers) {
        MediaType type = headers.getMediaType();
        boolean form = type != null
                && (type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)
                        || type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        return form ? notSupported(new NotSupportedException()) : internal(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        return internal(e);
    }

    /** Our fault, unless the database failed under it (see {@link DatabaseFailures}). */
    private static Response internal(Throwable e) {
        Optional<ErrorKind> database = DatabaseFailures.of(e);
        if (database.isEmpty()) {
            LOG.error("Unexpected failure", e);
            return ErrorEnvelope.of(ErrorKind.INTERNAL, "An internal error occurred; " + incident());
        }
        LOG.error("Database failure", e);
        return database.get() == ErrorKind.GATEWAY_TIMEOUT
                ? ErrorEnvelope.of(ErrorKind.GATEWAY_TIMEOUT, "The database did not answer in time; " + incident())
                : ErrorEnvelope.of(ErrorKind.BAD_GATEWAY, "The database is unavailable; " + incident());
    }

    /**
     * The incident id is the request id: it is on the answer's {@code X-Request-Id} and on every
     * log line of the request, the one above included.
     */
    private static String incident() {
        return "incident id " + RequestIds.current() + " (the " + RequestIds.HEADER + " of this answer).";
    }
}
