package dev.runtimes.server.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RuntimeFilterTest {
    private static final UUID PROJECT = UUID.fromString("0b3c52f4-8a7e-4b0a-9a4c-7f9d1c2e5a10");

    /** The text a cursor is signed with: statuses and labels sorted as written, duplicates once. */
    @Test
    void theCanonicalFormIsTheSameWhateverTheOrderGiven() {
        RuntimeFilter filter = RuntimeFilter.of(
                List.of(RuntimeState.RUNNING, RuntimeState.PAUSED, RuntimeState.RUNNING),
                PROJECT,
                null,
                List.of(LabelFilter.parse("team:ml"), LabelFilter.parse("team2:x"), LabelFilter.parse("team:ml")));
        RuntimeFilter reordered = RuntimeFilter.of(
                List.of(RuntimeState.PAUSED, RuntimeState.RUNNING),
                PROJECT,
                null,
                List.of(LabelFilter.parse("team2:x"), LabelFilter.parse("team:ml")));

        assertThat(filter.canonical())
                .isEqualTo("s=paused,running;p=0b3c52f4-8a7e-4b0a-9a4c-7f9d1c2e5a10;o=null;l=[team2:x, team:ml]")
                .isEqualTo(reordered.canonical());
        assertThat(filter).isEqualTo(reordered);
        assertThat(RuntimeFilter.of(List.of(), null, null, List.of()).canonical())
                .isEqualTo("s=;p=null;o=null;l=[]");
    }

    @Test
    void aLabelIsSplitAtItsFirstColon() {
        assertThat(LabelFilter.parse("url:http://x:8080")).isEqualTo(new LabelFilter("url", "http://x:8080"));
        assertThat(LabelFilter.parse("team:")).isEqualTo(new LabelFilter("team", ""));
        assertThat(LabelFilter.parse("url:http://x:8080").written()).isEqualTo("url:http://x:8080");
    }
}
