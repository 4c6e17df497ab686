package dev.runtimes.contract.hostile;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The hostile suites send thousands of requests with a handful of API keys: the keys' rate limits
 * must not decide their answers.
 */
public class UnlimitedQuotas implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("runtimes.rate-limit.requests", "100000000", "runtimes.rate-limit.lifecycle", "100000000");
    }
}
