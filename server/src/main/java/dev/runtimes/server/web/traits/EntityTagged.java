package dev.runtimes.server.web.traits;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation that answers with an {@code ETag} and honours {@code If-None-Match}: the spec's
 * {@code x-etag: true}, put on the generated interface method by {@code api.mustache}.
 * {@link ConditionalReadFilter} runs for these operations only.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface EntityTagged {}
