package dev.runtimes.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtimes.contract.harness.Channel;
import dev.runtimes.contract.harness.ContractSpec;
import dev.runtimes.contract.harness.CoverageReport;
import dev.runtimes.contract.harness.KnownGaps;
import dev.runtimes.contract.harness.Target;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The coverage gate's rules, on a target whose coverage the test records by hand. */
class CoverageGateTest {
    private static final ContractSpec SPEC = ContractSpec.get();

    private Target target;

    @BeforeEach
    void everyPairCoveredExceptListRuntimes429() {
        target = new Target("recorded", "http://127.0.0.1:1", "operator", null);
        for (ContractSpec.Operation operation : SPEC.operations()) {
            for (int status : operation.statuses()) {
                if (!(operation.id().equals("listRuntimes") && status == 429)) {
                    target.coverage().record(operation, status, Channel.RAW);
                    target.coverage().record(operation, status, Channel.CLIENT);
                }
            }
        }
    }

    @Test
    void aListedGapPasses() {
        assertThat(problems("listRuntimes 429 #8 rate limits")).isEmpty();
    }

    @Test
    void anUnlistedGapFails() {
        assertThat(problems("")).singleElement().asString().startsWith("listRuntimes 429 was not produced");
    }

    @Test
    void aPairProducedThroughOneChannelOnlyIsAGap() {
        target.coverage().record(SPEC.operation("listRuntimes"), 429, Channel.RAW);
        assertThat(problems("")).singleElement().asString().contains("not produced through the client");
    }

    @Test
    void aListedGapThatIsCoveredNowFails() {
        assertThat(problems("listRuntimes 429 #8 rate limits\ncreateUser 201 #4 covered long ago"))
                .singleElement()
                .asString()
                .contains("createUser 201 is covered now: remove it");
    }

    @Test
    void aListedGapTheSpecDoesNotDocumentFails() {
        assertThat(problems("listRuntimes 429 #8 rate limits\ncreateUser 418 #4 teapots"))
                .singleElement()
                .asString()
                .contains("createUser 418 is listed");
    }

    @Test
    void anAnswerWithAnUndocumentedStatusFailsAtOnce() {
        assertThatThrownBy(() -> target.coverage().record(SPEC.operation("createUser"), 200, Channel.CLIENT))
                .hasMessageContaining("createUser answered 200 through CLIENT, a status the spec does not document");
    }

    private List<String> problems(String knownGaps) {
        return new CoverageReport(target, KnownGaps.parse(knownGaps)).problems();
    }
}
