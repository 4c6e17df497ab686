package dev.runtimes.server.error;

import java.util.List;

/** A failure the caller should see, with the kind that decides its status and error type. */
public class ServiceException extends RuntimeException {
    private final ErrorKind kind;
    private final transient List<FieldProblem> problems;

    public ServiceException(ErrorKind kind, String detail) {
        this(kind, detail, null);
    }

    public ServiceException(ErrorKind kind, String detail, List<FieldProblem> problems) {
        super(detail, null, false, false);
        this.kind = kind;
        this.problems = problems;
    }

    public ErrorKind kind() {
        return kind;
    }

    /** The field problems of a validation failure, or {@code null} for other failures. */
    public List<FieldProblem> problems() {
        return problems;
    }

    public static ServiceException notFound(String detail) {
        return new ServiceException(ErrorKind.NOT_FOUND, detail);
    }

    public static ServiceException forbidden(String detail) {
        return new ServiceException(ErrorKind.FORBIDDEN, detail);
    }

    /** A 401 that says what was wrong with the credentials and how to send them. */
    public static ServiceException unauthenticated(Credentials.Problem problem, Credentials credentials) {
        return new ServiceException(ErrorKind.AUTHENTICATION, credentials.detail(problem));
    }

    public static ServiceException invalidQueryParameter(String name, String message, String type) {
        return invalidParameter("query", name, message, type);
    }

    /** A 400 for the parameter {@code name} in {@code part} ({@code query}, {@code header}). */
    public static ServiceException invalidParameter(String part, String name, String message, String type) {
        return new ServiceException(
                ErrorKind.INVALID_REQUEST, message, List.of(new FieldProblem(List.of(part, name), message, type)));
    }

    public static ServiceException conflict(String detail) {
        return new ServiceException(ErrorKind.CONFLICT, detail);
    }

    public static ServiceException alreadyExists(String detail) {
        return new ServiceException(ErrorKind.ALREADY_EXISTS, detail);
    }

    /** A 422 listing every invalid value. */
    public static ServiceException invalid(List<FieldProblem> problems) {
        String detail = problems.size() == 1
                ? "The request has 1 invalid value."
                : "The request has " + problems.size() + " invalid values.";
        return new ServiceException(ErrorKind.VALIDATION, detail, problems);
    }
}
