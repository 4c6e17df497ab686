package dev.runtimes.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimes.contract.harness.CoverageReport;
import dev.runtimes.contract.harness.KnownGaps;
import dev.runtimes.contract.scenarios.DatabaseFaultScenarios;
import dev.runtimes.contract.scenarios.EventScenarios;
import dev.runtimes.contract.scenarios.EveryOperationScenarios;
import dev.runtimes.contract.scenarios.LifecycleScenarios;
import dev.runtimes.contract.scenarios.ListRuntimesScenarios;
import dev.runtimes.contract.scenarios.OrganizationScenarios;
import dev.runtimes.contract.scenarios.PeopleScenarios;
import dev.runtimes.contract.scenarios.ServedSpecScenarios;
import dev.runtimes.contract.scenarios.StatusScenarios;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * The whole contract suite. A binding implements it and says which {@link #target()} it runs
 * against; a new group of scenarios is one more interface in this list.
 *
 * <p>After the scenarios the suite prints the coverage table of its target and, when every
 * scenario ran and the binding enforces it, fails on any documented (operation, status) pair
 * that no scenario produced through both channels unless {@code known-gaps.txt} lists it, and
 * on any listed gap that is covered now.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public interface ContractSuite
        extends ListRuntimesScenarios,
                EventScenarios,
                LifecycleScenarios,
                OrganizationScenarios,
                PeopleScenarios,
                EveryOperationScenarios,
                DatabaseFaultScenarios,
                ServedSpecScenarios,
                StatusScenarios {

    /** Whether missing coverage fails the build; a deployment elsewhere may not allow every fault. */
    default boolean enforcesCoverage() {
        return true;
    }

    @BeforeEach
    default void countScenario(TestInfo test) {
        test.getTestMethod().ifPresent(method -> target().coverage().scenarioRan(method.getName()));
    }

    @AfterAll
    default void printAndEnforceCoverage() {
        CoverageReport report = new CoverageReport(target(), KnownGaps.load());
        Set<String> scenarios =
                AnnotationSupport.findAnnotatedMethods(getClass(), Testable.class, HierarchyTraversalMode.TOP_DOWN)
                        .stream()
                        .map(Method::getName)
                        .collect(Collectors.toSet());
        String notEnforced = !enforcesCoverage()
                ? "this binding only reports"
                : !target().coverage().allRan(scenarios) ? "not every scenario ran" : null;
        String table = report.table() + (notEnforced == null ? "" : "  (not enforced: " + notEnforced + ")\n");
        System.out.println(table);
        writeReport(table);
        if (notEnforced == null) {
            assertThat(report.problems()).as("coverage of %s", target().name()).isEmpty();
        }
    }

    private void writeReport(String table) {
        try {
            Path file = Path.of("target", "contract-coverage", getClass().getSimpleName() + ".txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
