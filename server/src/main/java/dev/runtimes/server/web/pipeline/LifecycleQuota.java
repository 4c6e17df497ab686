package dev.runtimes.server.web.pipeline;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation that also takes from the caller's lifecycle quota: the spec's
 * {@code x-lifecycle-quota: true}, put on the generated interface method by {@code api.mustache}
 * and read by {@link RateLimitFilter}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface LifecycleQuota {}
