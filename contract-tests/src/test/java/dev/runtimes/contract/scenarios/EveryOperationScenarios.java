package dev.runtimes.contract.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimes.contract.harness.Call;
import dev.runtimes.contract.harness.Channel;
import dev.runtimes.contract.harness.ContractSpec;
import dev.runtimes.contract.harness.Credentials;
import java.util.List;
import java.util.UUID;

/**
 * Rules that hold for every operation of the spec, read from the spec itself: an operation added
 * later is covered by these without a new line here.
 */
public interface EveryOperationScenarios extends Scenarios {

    @Scenario
    default void everyOperatorOperationRefusesCallsWithoutTheOperatorToken(Channel channel) {
        Tenants.Tenant tenant = tenants().tenant();
        List<ContractSpec.Operation> guarded = ContractSpec.get().operations().stream()
                .filter(ContractSpec.Operation::operatorOnly)
                .toList();
        assertThat(guarded).isNotEmpty();
        for (ContractSpec.Operation operation : guarded) {
            for (Credentials credentials : new Credentials[] {
                Credentials.NONE,
                Credentials.bearer("not-the-operator-token"),
                tenant.owner().key()
            }) {
                send(channel, anyCall(operation, tenant).as(credentials)).isError(401, "authentication_error");
            }
        }
    }

    @Scenario
    default void everyJsonBodyRefusesMalformedJsonWith400(Channel channel) {
        Tenants.Tenant tenant = tenants().tenant();
        List<ContractSpec.Operation> withBody = ContractSpec.get().operations().stream()
                .filter(ContractSpec.Operation::hasBody)
                .toList();
        assertThat(withBody).isNotEmpty();
        for (ContractSpec.Operation operation : withBody) {
            Credentials allowed = operation.operatorOnly()
                    ? target().operator()
                    : tenant.owner().key();
            send(channel, anyCall(operation, tenant).as(allowed).malformedBody("{\"name\": "))
                    .isError(400, "invalid_request_error");
        }
    }

    @Scenario
    default void everyJsonBodyRefusesAnotherMediaTypeWith415(Channel channel) {
        Tenants.Tenant tenant = tenants().tenant();
        for (ContractSpec.Operation operation : ContractSpec.get().operations().stream()
                .filter(ContractSpec.Operation::hasBody)
                .toList()) {
            Credentials allowed = operation.operatorOnly()
                    ? target().operator()
                    : tenant.owner().key();
            for (String mediaType : List.of("text/plain", "application/x-www-form-urlencoded")) {
                send(channel, anyCall(operation, tenant).as(allowed).bodyOfType(mediaType, "name=x"))
                        .isError(415, "unsupported_media_type_error");
            }
        }
    }

    /** A call of the operation in the tenant's workspace, with well-formed ids and an empty body. */
    static Call anyCall(ContractSpec.Operation operation, Tenants.Tenant tenant) {
        Call call = Call.to(operation.id()).verbatim();
        for (String name : operation.pathParameters()) {
            call.path(
                    name,
                    switch (name) {
                        case "org" -> tenant.org();
                        case "workspace" -> tenant.workspace();
                        default -> UUID.randomUUID().toString();
                    });
        }
        if (operation.hasBody()) {
            call.body(dev.runtimes.contract.harness.Json.object());
        }
        return call;
    }
}
