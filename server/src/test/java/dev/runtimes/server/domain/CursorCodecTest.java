package dev.runtimes.server.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CursorCodecTest {
    private final CursorCodec codec = new CursorCodec("secret".getBytes(StandardCharsets.UTF_8));
    private final UUID workspace = UUID.randomUUID();
    private final RuntimeFilter filter = RuntimeFilter.of(List.of(), null, null, List.of());
    private final Keyset position = new Keyset(Instant.parse("2026-11-29T10:00:00.123456Z"), UUID.randomUUID());

    @Test
    void roundTripsAtMicrosecondPrecision() {
        String cursor = codec.encode(position, workspace, filter);
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(codec.decode(cursor, workspace, filter)).contains(position);
    }

    @Test
    void refusesAnotherWorkspaceOtherFiltersOrAnotherKey() {
        String cursor = codec.encode(position, workspace, filter);
        RuntimeFilter running = RuntimeFilter.of(List.of(RuntimeState.RUNNING), null, null, List.of());
        assertThat(codec.decode(cursor, UUID.randomUUID(), filter)).isEmpty();
        assertThat(codec.decode(cursor, workspace, running)).isEmpty();
        assertThat(new CursorCodec("other".getBytes(StandardCharsets.UTF_8)).decode(cursor, workspace, filter))
                .isEmpty();
    }

    @Test
    void refusesEveryAlteredOrTruncatedCursor() {
        String cursor = codec.encode(position, workspace, filter);
        for (int i = 0; i < cursor.length(); i++) {
            char replacement = cursor.charAt(i) == 'A' ? 'B' : 'A';
            String altered = cursor.substring(0, i) + replacement + cursor.substring(i + 1);
            assertThat(codec.decode(altered, workspace, filter))
                    .as("altered at %d", i)
                    .isEmpty();
            assertThat(codec.decode(cursor.substring(0, i), workspace, filter))
                    .as("cut at %d", i)
                    .isEmpty();
        }
        assertThat(codec.decode("not base64 !", workspace, filter)).isEmpty();
    }
}
