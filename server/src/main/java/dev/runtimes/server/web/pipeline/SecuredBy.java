package dev.runtimes.server.web.pipeline;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The security schemes the spec lets an operation be called with (its {@code security}, or the
 * document's), put on the generated interface method by {@code api.mustache} and read by
 * {@link AuthenticationFilter}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SecuredBy {
    /** The operator token's scheme; every other scheme of the spec presents an API key. */
    String OPERATOR_TOKEN = "operatorToken";

    String[] value();
}
