package dev.runtimes.client;

import dev.runtimes.client.model.ErrorType;
import dev.runtimes.client.model.ValidationErrorItem;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The server answered with an error status. Built from the error envelope ({@code
 * APIErrorPayload}) of the answer; an answer without one (an empty body, an HTML page from a
 * proxy) still gives the status and a detail that quotes the start of the body.
 *
 * <p>The subclasses name the statuses callers usually handle; any other status comes as this
 * class itself.
 */
public class RuntimesApiException extends RuntimesException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String detail;
    private final List<ValidationErrorItem> validationErrors;
    private final String requestId;

    RuntimesApiException(ApiError error) {
        super(message(error));
        this.status = error.status();
        this.type = error.type();
        this.detail = error.detail();
        this.validationErrors = error.errors();
        this.requestId = error.requestId();
    }

    /** @return the HTTP status of the answer */
    public int status() {
        return status;
    }

    /**
     * @return the error type as the server sent it (e.g. {@code not_found_error}), or {@code null}
     *     when the answer carried no error envelope
     */
    public String type() {
        return type;
    }

    /**
     * @return the error type as this client knows it; {@link ErrorType#UNKNOWN_DEFAULT_OPEN_API}
     *     for a type that is newer than this client, or when there was no envelope
     */
    public ErrorType errorType() {
        return ErrorType.fromValue(type);
    }

    /** @return the server's sentence for people, or one describing the unreadable answer */
    public String detail() {
        return detail;
    }

    /** @return the individual problems of a validation failure; empty for other errors */
    public List<ValidationErrorItem> validationErrors() {
        return validationErrors;
    }

    /** @return the {@code X-Request-Id} of the answer, when the server or a proxy set one */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    private static String message(ApiError error) {
        StringBuilder message = new StringBuilder().append(error.status());
        if (error.type() != null) {
            message.append(' ').append(error.type());
        }
        message.append(": ").append(error.detail());
        if (!error.errors().isEmpty()) {
            message.append(' ')
                    .append(error.errors().stream()
                            .map(RuntimesApiException::problem)
                            .collect(Collectors.joining("; ")));
        }
        if (error.requestId() != null) {
            message.append(" (request id ").append(error.requestId()).append(')');
        }
        return message.toString();
    }

    /**
     * One validation problem for people: where, without the request part, then what, as in
     * {@code limit: must be less than or equal to 100} or {@code config.sandbox.timeout: ...}.
     */
    private static String problem(ValidationErrorItem item) {
        List<Object> loc = item.getLoc() == null ? List.of() : item.getLoc();
        StringBuilder where = new StringBuilder();
        for (Object part : loc.size() > 1 ? loc.subList(1, loc.size()) : loc) {
            if (part instanceof Number index) {
                where.append('[').append(index).append(']');
            } else {
                where.append(where.length() == 0 ? "" : ".").append(part);
            }
        }
        return where + ": " + item.getMsg();
    }
}
