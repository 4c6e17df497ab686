package dev.runtimes.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimes.server.config.RuntimesConfig;
import dev.runtimes.server.domain.Organization;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The runtime limit at every level: platform maximum and default, organization maximum and default, request. */
class RuntimeLimitsTest {

    private static RuntimeLimits platform(long max, Long defaultSeconds) {
        return new RuntimeLimits(new RuntimesConfig.RuntimeLimit() {
            @Override
            public long maxSeconds() {
                return max;
            }

            @Override
            public Optional<Long> defaultSeconds() {
                return Optional.ofNullable(defaultSeconds);
            }
        });
    }

    private static Organization org(Long max, Long defaultSeconds) {
        Organization org = new Organization();
        org.maxRuntimeLimitSeconds = max;
        org.defaultRuntimeLimitSeconds = defaultSeconds;
        return org;
    }

    @Test
    void withNothingElseSetTheLimitIsThePlatformMaximum() {
        assertThat(platform(86400, null).resolve(org(null, null), null)).isEqualTo(86400);
    }

    @Test
    void thePlatformDefaultAppliesWhenNeitherStartNorOrganizationNameOne() {
        assertThat(platform(86400, 3600L).resolve(org(null, null), null)).isEqualTo(3600);
    }

    @Test
    void theOrganizationDefaultComesBeforeThePlatformDefault() {
        assertThat(platform(86400, 3600L).resolve(org(null, 7200L), null)).isEqualTo(7200);
    }

    @Test
    void theRequestComesBeforeBothDefaults() {
        assertThat(platform(86400, 3600L).resolve(org(null, 7200L), 600)).isEqualTo(600);
    }

    @Test
    void theOrganizationMaximumLowersEveryLevel() {
        RuntimeLimits limits = platform(86400, 3600L);
        assertThat(limits.resolve(org(1800L, null), 7200)).isEqualTo(1800);
        assertThat(limits.resolve(org(1800L, 2400L), null)).isEqualTo(1800);
        assertThat(limits.resolve(org(1800L, null), null)).isEqualTo(1800);
    }

    @Test
    void theOrganizationMaximumCannotRaiseThePlatformMaximum() {
        assertThat(platform(3600, null).resolve(org(86400L, null), 86400)).isEqualTo(3600);
        assertThat(platform(3600, null).resolve(org(null, 7200L), null)).isEqualTo(3600);
    }

    @Test
    void aRequestAboveThePlatformMaximumIsLoweredToIt() {
        assertThat(platform(86400, null).resolve(org(null, null), 100000)).isEqualTo(86400);
    }
}
