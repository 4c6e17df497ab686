package dev.runtimes.server.web.pipeline;

import dev.runtimes.server.error.ErrorKind;
import dev.runtimes.server.error.ServiceException;
import dev.runtimes.server.ratelimit.RateLimiter;
import dev.runtimes.server.ratelimit.Verdict;
import dev.runtimes.server.tenancy.Caller;
import dev.runtimes.server.web.Operation;
import dev.runtimes.server.web.Stages;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.container.ResourceInfo;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Takes every API-key request from its key's quotas, right after authentication. The
 * {@code RateLimit-Policy} and {@code RateLimit} headers go straight onto the answer, so every
 * answer after this point carries them, whatever produces it; a refusal is 429 with
 * {@code Retry-After}.
 */
public class RateLimitFilter {
    public static final String POLICY_HEADER = "RateLimit-Policy";
    public static final String LIMIT_HEADER = "RateLimit";
    public static final String RETRY_AFTER = "Retry-After";

    private final RateLimiter limiter;
    private final CallerContext callerContext;

    RateLimitFilter(RateLimiter limiter, CallerContext callerContext) {
        this.limiter = limiter;
        this.callerContext = callerContext;
    }

    @ServerRequestFilter(priority = Stages.RATE_LIMIT)
    public void limit(ResourceInfo resource, HttpServerRequest http) {
        Optional<Caller> caller = callerContext.apiKeyCaller();
        if (caller.isEmpty()) {
            return;
        }
        boolean lifecycle =
                Operation.of(resource).map(Operation::lifecycleQuota).orElse(false);
        Verdict verdict = limiter.take(caller.get().apiKeyId(), lifecycle);
        HttpServerResponse response = http.response();
        response.putHeader(POLICY_HEADER, verdict.policyHeader());
        response.putHeader(LIMIT_HEADER, verdict.limitHeader());
        if (verdict.refused()) {
            response.putHeader(RETRY_AFTER, Long.toString(verdict.retryAfterSeconds()));
            throw new ServiceException(ErrorKind.RATE_LIMIT, verdict.refusalDetail());
        }
    }
}
