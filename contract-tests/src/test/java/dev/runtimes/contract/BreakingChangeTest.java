package dev.runtimes.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.runtimes.contract.harness.Compatibility;
import dev.runtimes.contract.harness.ContractSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The spec against the last released one in {@code openapi/released/}: a breaking change fails
 * the build unless {@code info.version}'s major changes. The other tests show, on modified copies
 * of the spec, that each kind of break is caught.
 */
class BreakingChangeTest {
    private static final Pattern RELEASE = Pattern.compile("runtimes-api-(\\d+)\\.(\\d+)\\.(\\d+)\\.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theSpecIsCompatibleWithTheLastRelease() {
        Path released = lastRelease();
        Compatibility.Verdict verdict = Compatibility.check(read(released), ContractSpec.text(ContractSpec.RESOURCE));
        assertThat(verdict.allowed())
                .as(
                        "openapi/runtimes-api.yaml (%s) breaks %s; keep it compatible or raise the major version.%n%s",
                        verdict.version(), released.getFileName(), verdict.changes())
                .isTrue();
    }

    @Test
    void aRemovedResponseFieldIsBreaking() {
        assertBreaking(spec -> {
            schema(spec, "Organization").withObjectProperty("properties").remove("created_at");
            removeRequired(schema(spec, "Organization"), "created_at");
        });
    }

    @Test
    void aNarrowedTypeIsBreaking() {
        assertBreaking(spec -> schema(spec, "CreateOrganizationRequest")
                .withObjectProperty("properties")
                .withObjectProperty("member_limit")
                .put("maximum", 10));
        assertBreaking(spec -> schema(spec, "Organization")
                .withObjectProperty("properties")
                .withObjectProperty("credit_balance")
                .put("type", "string")
                .remove("format"));
    }

    @Test
    void aNewRequiredParameterIsBreaking() {
        assertBreaking(spec -> spec.withObjectProperty("paths")
                .withObjectProperty("/api/v1/org/{org}/ws/{workspace}/runtimes")
                .withObjectProperty("get")
                .withArrayProperty("parameters")
                .addObject()
                .put("name", "region")
                .put("in", "query")
                .put("required", true)
                .putObject("schema")
                .put("type", "string"));
    }

    @Test
    void aBreakingChangeIsAllowedWithANewMajorVersion() {
        Compatibility.Verdict verdict = verdict(spec -> {
            schema(spec, "Organization").withObjectProperty("properties").remove("created_at");
            removeRequired(schema(spec, "Organization"), "created_at");
            ObjectNode info = spec.withObjectProperty("info");
            int major = Integer.parseInt(info.path("version").asText().split("\\.")[0]);
            info.put("version", (major + 1) + ".0.0");
        });
        assertThat(verdict.breaking()).isTrue();
        assertThat(verdict.allowed()).isTrue();
    }

    @Test
    void aNewValueInAResponseEnumIsCompatible() {
        Compatibility.Verdict verdict = verdict(
                spec -> schema(spec, "ErrorType").withArrayProperty("enum").add("quota_error"));
        assertThat(verdict.breaking()).as(verdict.changes()).isFalse();
    }

    private static void assertBreaking(Consumer<ObjectNode> change) {
        Compatibility.Verdict verdict = verdict(change);
        assertThat(verdict.breaking())
                .as("should break:%n%s", verdict.changes())
                .isTrue();
        assertThat(verdict.allowed()).isFalse();
    }

    private static Compatibility.Verdict verdict(Consumer<ObjectNode> change) {
        String spec = ContractSpec.text(ContractSpec.RESOURCE);
        try {
            ObjectNode changed = (ObjectNode) YAML.readTree(spec);
            change.accept(changed);
            return Compatibility.check(spec, YAML.writeValueAsString(changed));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode schema(ObjectNode spec, String name) {
        return spec.withObjectProperty("components")
                .withObjectProperty("schemas")
                .withObjectProperty(name);
    }

    private static void removeRequired(ObjectNode schema, String field) {
        ArrayNode required = schema.withArrayProperty("required");
        for (int i = required.size() - 1; i >= 0; i--) {
            if (required.get(i).asText().equals(field)) {
                required.remove(i);
            }
        }
    }

    /** The released spec with the highest version (copied onto the test classpath by the pom). */
    private static Path lastRelease() {
        try (Stream<Path> files = Files.list(Path.of(ContractSpec.class
                .getClassLoader()
                .getResource("openapi/released")
                .toURI()))) {
            return files.filter(f -> RELEASE.matcher(f.getFileName().toString()).matches())
                    .max(Comparator.comparing(BreakingChangeTest::version))
                    .orElseThrow(() -> new IllegalStateException("No released spec in openapi/released/"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String version(Path release) {
        Matcher matcher = RELEASE.matcher(release.getFileName().toString());
        matcher.matches();
        return String.format(
                "%06d.%06d.%06d",
                Integer.parseInt(matcher.group(1)),
                Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
