package dev.runtimes.server.error;

import java.util.ArrayList;
import java.util.List;

/**
 * One invalid value of a request.
 *
 * @param location where it is, from the request part ({@code query}, {@code body}, ...) down
 * @param message what is wrong, for people
 * @param type the stable validation error type of the spec's {@code ValidationErrorType}
 */
public record FieldProblem(List<Object> location, String message, String type) {

    /** The same problem at one element of a repeated value. */
    public FieldProblem at(int index) {
        List<Object> indexed = new ArrayList<>(location);
        indexed.add(index);
        return new FieldProblem(List.copyOf(indexed), message, type);
    }
}
