package dev.runtimes.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtimes.server.web.json.UtcDateTimes;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast writer of UTC date-times writes what ISO_OFFSET_DATE_TIME writes, of the values atOffset makes. */
class UtcDateTimesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        new UtcDateTimes().customize(JSON);
    }

    /** The serializer's text, unquoted. */
    private static String written(OffsetDateTime value) throws Exception {
        String json = JSON.writeValueAsString(value);
        return json.substring(1, json.length() - 1);
    }

    @Test
    void writesWhatTheIsoFormatterWrites() throws Exception {
        SplittableRandom random = new SplittableRandom(20261129);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        int[] nanos = {0, 1, 10, 1_000, 120_000_000, 123_456_000, 123_456_789, 999_999_999, 500_000_000};
        for (int i = 0; i < 100_000; i++) {
            int nano = i % 2 == 0 ? nanos[i % nanos.length] : random.nextInt(1_000_000_000);
            OffsetDateTime value =
                    Instant.ofEpochSecond(random.nextLong(min, max), nano).atOffset(ZoneOffset.UTC);
            assertThat(written(value)).isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
        }
    }

    @Test
    void holdsTheInstantAsAtOffsetDoes() {
        SplittableRandom random = new SplittableRandom(20261130);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(min, max), random.nextInt(1_000_000_000));
            assertThat(UtcDateTimes.of(instant)).isEqualTo(instant.atOffset(ZoneOffset.UTC));
        }
        assertThat(UtcDateTimes.of(null)).isNull();
    }

    @Test
    void leavesOtherOffsetsAndYearsToTheIsoFormatter() throws Exception {
        OffsetDateTime[] values = {
            OffsetDateTime.parse("2026-11-29T10:15:30.5+02:00"),
            OffsetDateTime.parse("+10000-01-01T00:00:00Z"),
            OffsetDateTime.parse("-0001-06-01T12:00:00Z")
        };
        for (OffsetDateTime value : values) {
            assertThat(written(value)).isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
        }
    }
}
