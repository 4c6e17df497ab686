package dev.runtimes.server.web.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.runtimes.server.error.ErrorKind;
import dev.runtimes.server.error.FieldProblem;
import dev.runtimes.server.error.ServiceException;
import dev.runtimes.server.web.conformance.ConstraintProblems;
import dev.runtimes.server.web.conformance.IntegerRange;
import dev.runtimes.server.web.conformance.ParameterConversion;
import dev.runtimes.server.web.conformance.RequestParameters;
import dev.runtimes.server.web.edge.RequestIds;
import dev.runtimes.server.web.json.JsonReadLimits;
import dev.runtimes.server.web.json.JsonTypes;
import dev.runtimes.server.web.json.SpecNulls;
import dev.runtimes.server.web.json.StrictJsonTypes;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
    public Response constraintViolation(ConstraintViolationException e, ResourceInfo resource) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            Optional<FieldProblem> problem = ConstraintProblems.of(violation, resource.getResourceMethod());
            if (problem.isEmpty()) {
                return internal(e);
            }
            problems.add(problem.get());
        }
        return validationFailed(problems);
    }

    /**
     * Quarkus REST answers a path or query value that fails conversion ({@code limit=abc}, an
     * unknown enum value, a bad UUID) with a 404 that names nothing; here it becomes a 422.
     */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e, ResourceInfo resource, UriInfo uri) {
        if (e.getCause() != null && resource != null && resource.getResourceMethod() != null) {
            List<FieldProblem> problems = conversionProblems(resource, uri);
            if (!problems.isEmpty()) {
                return validationFailed(problems);
            }
        }
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
        Optional<FieldProblem> outOfRange = integerOutOfRange(e);
        if (outOfRange.isPresent()) {
            return validationFailed(List.of(outOfRange.get()));
        }
        String detail = e instanceof StreamConstraintsException
                ? "The request body is nested deeper than " + JsonReadLimits.MAX_NESTING_DEPTH + " levels."
                : "The request body is not valid JSON.";
        return ErrorEnvelope.of(ErrorKind.INVALID_REQUEST, detail);
    }

    /** Well-formed JSON with a value of the wrong type, e.g. a string where a number belongs. */
    @ServerExceptionMapper
    public Response wrongJsonType(MismatchedInputException e) {
        String expected = e.getTargetType() == null ? "value" : JsonTypes.describe(e.getTargetType());
        return validationFailed(List.of(new FieldProblem(bodyLocation(e), "must be " + expected, "invalid_type")));
    }

    @ServerExceptionMapper
    public Response nulCharacter(StrictJsonTypes.NulCharacter e) {
        return validationFailed(List.of(new FieldProblem(bodyLocation(e), e.getOriginalMessage(), "invalid_value")));
    }

    @ServerExceptionMapper
    public Response missingProperty(SpecNulls.MissingProperty e) {
        return validationFailed(List.of(new FieldProblem(bodyLocation(e), e.getOriginalMessage(), "missing")));
    }

    @ServerExceptionMapper
    public Response unknownMembers(SpecNulls.UnknownMembers e) {
        List<Object> object = bodyLocation(e);
        return validationFailed(e.names().stream()
                .map(name -> new FieldProblem(
                        Stream.concat(object.stream(), Stream.of(name)).toList(),
                        e.getOriginalMessage(),
                        "unknown_field"))
                .toList());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        // Quarkus REST reports a JSON value a model refuses as a plain 400 around Jackson's reason.
        if (e.getCause() instanceof ValueInstantiationException refused) {
            return refusedJsonValue(refused);
        }
        // ... and an integer beyond its field's type the same way.
        Optional<FieldProblem> outOfRange = integerOutOfRange(e);
        if (outOfRange.isPresent()) {
            return validationFailed(List.of(outOfRange.get()));
        }
        // ... and a body that is not JSON at all (truncated, nested too deep) the same way.
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

    private Response validationFailed(List<FieldProblem> problems) {
        return service(ServiceException.invalid(problems));
    }

    /** A value a model refuses to be made from, e.g. a string that is none of an enum's values. */
    private Response refusedJsonValue(ValueInstantiationException e) {
        Class<?> type = e.getType().getRawClass();
        FieldProblem problem = type.isEnum()
                ? new FieldProblem(
                        bodyLocation(e),
                        "must be one of: "
                                + Arrays.stream(type.getEnumConstants())
                                        .map(Object::toString)
                                        .collect(Collectors.joining(", ")),
                        "invalid_enum")
                : new FieldProblem(bodyLocation(e), "is not a valid value", "invalid_value");
        return validationFailed(List.of(problem));
    }

    /**
     * A JSON integer beyond the range of its field's type ({@code int32} or {@code int64}): the
     * body is well-formed and the value too large (or small), as a query parameter's would be.
     */
    private static Optional<FieldProblem> integerOutOfRange(Throwable e) {
        JsonMappingException located = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (located == null && cause instanceof JsonMappingException mapping) {
                located = mapping;
            }
            if (cause instanceof InputCoercionException range) {
                List<Object> location = located == null ? List.of("body") : bodyLocation(located);
                return Optional.of(IntegerRange.problem(
                        location,
                        range.getTargetType(),
                        range.getOriginalMessage().startsWith("Numeric value (-")));
            }
        }
        return Optional.empty();
    }

    private static List<Object> bodyLocation(JsonMappingException e) {
        List<Object> location = new ArrayList<>();
        location.add("body");
        for (JsonMappingException.Reference reference : e.getPath()) {
            location.add(reference.getFieldName() != null ? reference.getFieldName() : reference.getIndex());
        }
        return location;
    }

    private static List<FieldProblem> conversionProblems(ResourceInfo resource, UriInfo uri) {
        List<FieldProblem> problems = new ArrayList<>();
        for (RequestParameters.Parameter parameter : RequestParameters.of(resource.getResourceMethod())) {
            List<String> values = switch (parameter.source()) {
                case "query" -> uri.getQueryParameters().get(parameter.name());
                case "path" -> uri.getPathParameters().get(parameter.name());
                default -> null;
            };
            for (int i = 0; values != null && i < values.size(); i++) {
                Optional<FieldProblem> problem = ParameterConversion.problem(parameter, values.get(i));
                if (problem.isPresent()) {
                    problems.add(parameter.repeated() ? problem.get().at(i) : problem.get());
                    break;
                }
            }
        }
        return problems;
    }
}
