package dev.runtimes.contract.scenarios;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.runtimes.contract.harness.ContractSpec;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Drift guard: the document the server serves is the committed contract, parsed tree for tree. */
public interface ServedSpecScenarios extends Scenarios {

    @Test
    default void theServedSpecIsTheCommittedSpec() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        String served = given().get(target().baseUrl() + "/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        JsonNode committed = yaml.readTree(ContractSpec.text(ContractSpec.RESOURCE));
        assertThat(yaml.readTree(served))
                .as("/q/openapi of %s against openapi/runtimes-api.yaml", target().name())
                .isEqualTo(committed);
    }
}
