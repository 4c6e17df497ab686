package dev.runtimes.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The manifests the build generates run several replicas, probed through the health endpoints. */
class KubernetesManifestsIT {
    private static final Path MANIFESTS = Path.of("target", "kubernetes", "kubernetes.yml");

    static List<JsonNode> resources;

    @BeforeAll
    static void readManifests() throws IOException {
        try (MappingIterator<JsonNode> documents =
                new YAMLMapper().readerFor(JsonNode.class).readValues(MANIFESTS.toFile())) {
            resources = documents.readAll();
        }
    }

    @Test
    void theDeploymentRunsTwoReplicas() {
        assertThat(deployment().at("/spec/replicas").asInt()).isEqualTo(2);
    }

    @Test
    void probesAskTheHealthEndpoints() {
        JsonNode container = container();
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
        assertThat(container.at("/readinessProbe/httpGet/port").asInt())
                .isEqualTo(container.at("/ports/0/containerPort").asInt());
    }

    @Test
    void settingsComeFromAConfigMapAndSecretsFromASecret() {
        JsonNode envFrom = container().get("envFrom");
        assertThat(envFrom).hasSize(2);
        assertThat(envFrom)
                .extracting(source -> source.at("/configMapRef/name").asText())
                .contains("runtimes-config");
        assertThat(envFrom)
                .extracting(source -> source.at("/secretRef/name").asText())
                .contains("runtimes-secrets");
    }

    /** The balancer's drain: readiness is DOWN for 5 s before the server stops taking requests. */
    @Test
    void aReplicaWaitsFiveSecondsForTheBalancerBeforeItStops() {
        assertThat(container().get("env")).anySatisfy(variable -> {
            assertThat(variable.get("name").asText()).isEqualTo("QUARKUS_SHUTDOWN_DELAY");
            assertThat(variable.get("value").asText()).isEqualTo("5s");
        });
    }

    @Test
    void replicasMigrateThemselvesWithoutAnInitJob() {
        assertThat(resources)
                .extracting(r -> r.get("kind").asText())
                .containsExactlyInAnyOrder("Service", "Deployment");
        assertThat(deployment().at("/spec/template/spec/initContainers").isMissingNode())
                .isTrue();
    }

    private static JsonNode deployment() {
        return resources.stream()
                .filter(r -> r.get("kind").asText().equals("Deployment"))
                .findFirst()
                .orElseThrow();
    }

    private static JsonNode container() {
        return deployment().at("/spec/template/spec/containers/0");
    }
}
