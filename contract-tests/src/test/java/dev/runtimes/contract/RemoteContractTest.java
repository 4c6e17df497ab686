package dev.runtimes.contract;

import dev.runtimes.contract.harness.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The suite against a running deployment, e.g. staging:
 * {@code -Druntimes.contract.base-url=https://... -Druntimes.contract.token=<operator token>}.
 * The suite creates its own organizations, users and keys there. It cannot cause database
 * faults remotely, so its coverage table is printed but not enforced.
 */
@ExtendWith(RemoteContractTest.BaseUrlGiven.class)
class RemoteContractTest implements ContractSuite {
    private static final String BASE_URL = "runtimes.contract.base-url";

    private final Target target =
            new Target("remote", System.getProperty(BASE_URL), System.getProperty("runtimes.contract.token", ""), null);

    @Override
    public Target target() {
        return target;
    }

    @Override
    public boolean enforcesCoverage() {
        return false;
    }

    /** Runs the binding when a deployment is named, and otherwise says once, on the console, why not. */
    static final class BaseUrlGiven implements ExecutionCondition {
        private static final String SKIPPED = "RemoteContractTest is skipped: no deployment is named" + " (-D"
                + BASE_URL + "=https://... -Druntimes.contract.token=..., docs/contract-tests.md).";

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (!System.getProperty(BASE_URL, "").isBlank()) {
                return ConditionEvaluationResult.enabled(BASE_URL + " names the deployment");
            }
            if (context.getTestMethod().isEmpty()) {
                System.out.println(SKIPPED);
            }
            return ConditionEvaluationResult.disabled(SKIPPED);
        }
    }
}
