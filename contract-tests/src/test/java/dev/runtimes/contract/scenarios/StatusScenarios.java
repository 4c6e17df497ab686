package dev.runtimes.contract.scenarios;

import static dev.runtimes.contract.harness.Json.object;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimes.contract.harness.Call;
import dev.runtimes.contract.harness.Channel;
import dev.runtimes.contract.harness.ContractSpec;
import dev.runtimes.contract.harness.Credentials;
import dev.runtimes.contract.harness.Outcome;
import java.util.List;

/**
 * The statuses every API-key operation shares: an old client refused with 426, a flooding key
 * refused with 429, a body over the size limit refused with 413; and a conditional read answered
 * 304.
 */
public interface StatusScenarios extends Scenarios {
    String CLIENT_VERSION = "X-Runtimes-Client-Version";

    @Scenario
    default void everyRuntimesOperationRefusesAnOldClientWith426NamingTheMinimum(Channel channel) {
        Tenants.Tenant tenant = tenants().tenant();
        for (ContractSpec.Operation operation : apiKeyOperations()) {
            String detail = send(
                            channel,
                            EveryOperationScenarios.anyCall(operation, tenant)
                                    .as(tenant.owner().key())
                                    .header(CLIENT_VERSION, "0.0.9"))
                    .isError(426, "upgrade_required_error")
                    .body()
                    .path("detail")
                    .asText();
            assertThat(detail)
                    .as("the detail of %s", operation.id())
                    .matches(
                            "Client version 0\\.0\\.9 is no longer supported; upgrade to \\d+\\.\\d+\\.\\d+ or later\\.");
        }
    }

    @Scenario
    default void currentNewerAndDevelopmentClientVersionsPass(Channel channel) {
        Tenants.Tenant tenant = tenants().tenant();
        Call list = Call.to("listRuntimes")
                .path("org", tenant.org())
                .path("workspace", tenant.workspace())
                .as(tenant.owner().key());
        for (String version : new String[] {"999.0.0", "1.10.0", "999.0.0-SNAPSHOT"}) {
            send(channel, list.header(CLIENT_VERSION, version)).hasStatus(200);
        }
    }

    /** Far more than any deployment's quota of requests per key allows in a burst. */
    int FLOOD_CAP = 5_000;

    @Scenario
    default void everyRuntimesOperationRefusesAFloodingKeyWith429AndRetryAfter(Channel channel) {
        Tenants.Tenant tenant = tenants().tenant();
        for (ContractSpec.Operation operation : apiKeyOperations()) {
            // The rate limit comes before the client version check: as an old client, every call
            // the quota lets through is a 426 and runs nothing, whatever the operation.
            Outcome refused = untilRefused(
                    channel,
                    EveryOperationScenarios.anyCall(operation, tenant)
                            .as(tenant.owner().key())
                            .header(CLIENT_VERSION, "0.0.9"));
            refused.isError(429, "rate_limit_error");
            assertThat(refused.header("Retry-After").map(Integer::valueOf))
                    .as("Retry-After of %s", refused)
                    .hasValueSatisfying(seconds -> assertThat(seconds).isPositive());
            assertThat(refused.body().path("detail").asText())
                    .matches("Rate limit of \\d+ (requests|starts and resets) per \\d+ seconds? reached for this API"
                            + " key; retry in \\d+ seconds?\\.");
        }
    }

    @Scenario
    default void unchangedReadsAnswer304WithoutABodyToIfNoneMatch(Channel channel) {
        Tenants.Tenant tenant = tenants().tenant();
        Call list = Call.to("listRuntimes")
                .path("org", tenant.org())
                .path("workspace", tenant.workspace())
                .as(tenant.owner().key());
        String listTag = send(channel, list).hasStatus(200).header("ETag").orElseThrow();
        notModified(send(channel, list.header("If-None-Match", listTag)), listTag);

        // The runtime is made and first read through the raw channel only: createRuntime and
        // getRuntime's 200 belong to the lifecycle scenarios.
        target().send(
                        Channel.RAW,
                        Call.to("createRuntime")
                                .path("org", tenant.org())
                                .path("workspace", tenant.workspace())
                                .body(object("key", "notebook", "name", "Notebook"))
                                .as(tenant.owner().key()))
                .hasStatus(201);
        Call get = Call.to("getRuntime")
                .path("org", tenant.org())
                .path("workspace", tenant.workspace())
                .path("runtime_id", "notebook")
                .as(tenant.owner().key());
        String tag =
                target().send(Channel.RAW, get).hasStatus(200).header("ETag").orElseThrow();
        notModified(send(channel, get.header("If-None-Match", "W/" + tag)), tag);
    }

    @Scenario
    default void everyJsonBodyOverTheSizeLimitIs413(Channel channel) {
        Tenants.Tenant tenant = tenants().tenant();
        // Over the default limit of 64 KiB, small enough to be sent whole before the answer.
        String tooLarge = "{\"name\": \"" + "x".repeat(80 * 1024) + "\"}";
        for (ContractSpec.Operation operation : ContractSpec.get().operations().stream()
                .filter(ContractSpec.Operation::hasBody)
                .toList()) {
            Credentials allowed = operation.operatorOnly()
                    ? target().operator()
                    : tenant.owner().key();
            send(
                            channel,
                            EveryOperationScenarios.anyCall(operation, tenant)
                                    .as(allowed)
                                    .malformedBody(tooLarge))
                    .isError(413, "payload_too_large_error");
        }
    }

    private static void notModified(Outcome outcome, String tag) {
        outcome.hasStatus(304);
        assertThat(outcome.body().isMissingNode()).as("body of %s", outcome).isTrue();
        assertThat(outcome.header("ETag")).as("ETag of %s", outcome).hasValue(tag);
    }

    private List<ContractSpec.Operation> apiKeyOperations() {
        List<ContractSpec.Operation> operations = ContractSpec.get().operations().stream()
                .filter(operation -> !operation.operatorOnly())
                .toList();
        assertThat(operations).isNotEmpty();
        return operations;
    }

    /**
     * Sends the call until the key's quota refuses it. Every answer on the way says where the key
     * stands.
     */
    private Outcome untilRefused(Channel channel, Call call) {
        for (int sent = 0; sent < FLOOD_CAP; sent++) {
            Outcome outcome = send(channel, call);
            assertThat(outcome.header("RateLimit-Policy"))
                    .as("RateLimit-Policy of %s", outcome)
                    .isPresent();
            assertThat(outcome.header("RateLimit"))
                    .as("RateLimit of %s", outcome)
                    .isPresent();
            if (outcome.status() == 429) {
                return outcome;
            }
            outcome.isError(426, "upgrade_required_error");
        }
        throw new AssertionError(FLOOD_CAP + " calls of " + call + " were never refused with 429");
    }
}
