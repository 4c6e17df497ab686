package dev.runtimes.server.web.traits;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The 2xx statuses the spec documents for an operation, put on the generated interface method by
 * {@code api.mustache}; {@link SuccessStatusFilter} answers with the one there is.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SuccessStatus {
    int[] value();
}
