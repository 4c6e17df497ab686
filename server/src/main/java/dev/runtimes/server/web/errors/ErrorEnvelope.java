package dev.runtimes.server.web.errors;

import dev.runtimes.server.api.model.APIErrorPayload;
import dev.runtimes.server.api.model.ErrorType;
import dev.runtimes.server.api.model.ValidationErrorItem;
import dev.runtimes.server.api.model.ValidationErrorType;
import dev.runtimes.server.error.ErrorKind;
import dev.runtimes.server.error.FieldProblem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The one place that writes an error answer: the canonical {@code APIErrorPayload}. */
public final class ErrorEnvelope {
    static final String AUTHENTICATE_CHALLENGE = "Bearer realm=\"runtimes\"";

    private ErrorEnvelope() {}

    public static Response of(ErrorKind kind, String detail) {
        return of(kind, detail, null);
    }

    public static Response of(ErrorKind kind, String detail, List<FieldProblem> problems) {
        return builder(kind, detail, problems).build();
    }

    /** The answer under construction, for callers that add headers of their own. */
    public static Response.ResponseBuilder builder(ErrorKind kind, String detail, List<FieldProblem> problems) {
        Response.ResponseBuilder builder = Response.status(kind.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(payload(kind, detail, problems));
        if (kind == ErrorKind.AUTHENTICATION) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, AUTHENTICATE_CHALLENGE);
        }
        return builder;
    }

    /** The body alone, for the answers given before Quarkus REST sees the request. */
    static APIErrorPayload payload(ErrorKind kind, String detail, List<FieldProblem> problems) {
        return new APIErrorPayload()
                .code(kind.status())
                .detail(detail)
                .type(ErrorType.fromValue(kind.type()))
                .errors(
                        problems == null
                                ? null
                                : problems.stream().map(ErrorEnvelope::item).toList());
    }

    /** The detail of a 413. */
    static String tooLarge(long maxBodyBytes) {
        return "The request body is larger than " + maxBodyBytes + " bytes.";
    }

    private static ValidationErrorItem item(FieldProblem problem) {
        return new ValidationErrorItem()
                .loc(problem.location())
                .msg(problem.message())
                .type(ValidationErrorType.fromValue(problem.type()));
    }
}
