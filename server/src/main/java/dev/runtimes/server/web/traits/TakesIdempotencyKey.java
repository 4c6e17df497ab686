package dev.runtimes.server.web.traits;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation that takes an {@code Idempotency-Key}: the spec's {@code x-idempotency-key: true},
 * put on the generated interface method by {@code api.mustache}. {@link IdempotencyFilter} runs
 * for these operations only.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface TakesIdempotencyKey {}
