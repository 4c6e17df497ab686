package dev.runtimes.server.service;

import dev.runtimes.server.config.RuntimesConfig;
import dev.runtimes.server.domain.Organization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Resolves a new sandbox's runtime limit ({@code actual_runtime_limit_seconds}). The maximum is
 * the platform's, lowered by the organization's; the limit is what the start asks for, else the
 * organization's default, else the platform's default, else the maximum, and never above the
 * maximum.
 */
@ApplicationScoped
class RuntimeLimits {
    private final RuntimesConfig.RuntimeLimit platform;

    @Inject
    RuntimeLimits(RuntimesConfig config) {
        this(config.runtimeLimit());
    }

    RuntimeLimits(RuntimesConfig.RuntimeLimit platform) {
        this.platform = platform;
    }

    long resolve(Organization org, Integer requestedSeconds) {
        long max = org.maxRuntimeLimitSeconds == null
                ? platform.maxSeconds()
                : Math.min(platform.maxSeconds(), org.maxRuntimeLimitSeconds);
        long wanted;
        if (requestedSeconds != null) {
            wanted = requestedSeconds;
        } else if (org.defaultRuntimeLimitSeconds != null) {
            wanted = org.defaultRuntimeLimitSeconds;
        } else {
            wanted = platform.defaultSeconds().orElse(max);
        }
        return Math.min(wanted, max);
    }
}
