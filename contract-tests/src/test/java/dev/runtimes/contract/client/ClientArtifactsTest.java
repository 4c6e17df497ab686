package dev.runtimes.contract.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The client as a consumer's build meets it: a sources jar and a javadoc jar beside the jar, and
 * a published pom that needs nothing of this project's parent (no Quarkus BOM) to resolve.
 */
class ClientArtifactsTest {
    private static final Path TARGET = Path.of(System.getProperty("contract.client-target"));
    private static final String JAR = "runtimes-client-0.1.0-SNAPSHOT";

    @Test
    void theSourcesJarHoldsTheFacadeAndTheGeneratedCode() throws IOException {
        assertThat(entries(JAR + "-sources.jar"))
                .contains("dev/runtimes/client/RuntimesClient.java", "dev/runtimes/client/api/RuntimesApi.java");
    }

    @Test
    void theJavadocJarDocumentsTheFacade() throws IOException {
        assertThat(entries(JAR + "-javadoc.jar"))
                .contains("dev/runtimes/client/RuntimesClient.html", "dev/runtimes/client/ValidationException.html");
    }

    @Test
    void thePublishedPomHasNoParentAndAVersionForEveryDependency() throws Exception {
        Path pom = TARGET.resolve(".flattened-pom.xml");
        Element project = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(pom.toFile())
                .getDocumentElement();

        assertThat(children(project, "parent")).isEmpty();
        assertThat(children(project, "dependencyManagement")).isEmpty();
        List<Element> dependencies = children(children(project, "dependencies").get(0), "dependency");
        assertThat(dependencies).isNotEmpty().allSatisfy(dependency -> {
            assertThat(children(dependency, "groupId").get(0).getTextContent()).doesNotContain("quarkus");
            assertThat(children(dependency, "version").get(0).getTextContent()).matches("\\d+(\\.\\d+)+.*");
        });
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static List<String> entries(String jar) throws IOException {
        try (JarFile file = new JarFile(TARGET.resolve(jar).toFile())) {
            return file.stream().map(entry -> entry.getName()).toList();
        }
    }
}
