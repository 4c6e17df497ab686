package dev.runtimes.server.web.conformance;

import dev.runtimes.server.error.FieldProblem;
import java.util.List;

/** An integer past the range of its Java type, in a body or a parameter: too large or too small, as a bound would say. */
public final class IntegerRange {
    private IntegerRange() {}

    public static FieldProblem problem(List<Object> location, Class<?> type, boolean below) {
        boolean int64 = type == Long.class || type == long.class;
        return below
                ? new FieldProblem(
                        location,
                        "must be greater than or equal to " + (int64 ? Long.MIN_VALUE : Integer.MIN_VALUE),
                        "too_small")
                : new FieldProblem(
                        location,
                        "must be less than or equal to " + (int64 ? Long.MAX_VALUE : Integer.MAX_VALUE),
                        "too_large");
    }
}
