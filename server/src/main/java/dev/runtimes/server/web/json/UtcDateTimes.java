package dev.runtimes.server.web.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes the date-times of answers, which are all in UTC, without {@link DateTimeFormatter}: a list
 * page has 250 of them, and the formatter's generic machinery cost about a tenth of the server's
 * CPU per page. The text is the one {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} writes (seconds
 * always, the fraction without trailing zeros, {@code Z}); any other value is left to it.
 */
@Singleton
public class UtcDateTimes implements ObjectMapperCustomizer {
    /** The longest text {@link #write} writes: {@code 9999-12-31T23:59:59.999999999Z}. */
    private static final int MAX_LENGTH = 30;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("utc-date-times").addSerializer(new Serializer()));
    }

    /** After Quarkus's own customizer, which registers the java.time serializers this one replaces. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    /**
     * The instant as the spec's models hold it. {@link Instant#atOffset} would build the offset's
     * zone rules anew at every call on Java 17: a list page has 250 date-times.
     */
    public static OffsetDateTime of(Instant instant) {
        return instant == null
                ? null
                : OffsetDateTime.of(
                        LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC),
                        ZoneOffset.UTC);
    }

    /** Writes the value's text into {@code text} and returns its length, or -1 for values it leaves to the formatter. */
    private static int write(OffsetDateTime value, char[] text) {
        int year = value.getYear();
        if (!value.getOffset().equals(ZoneOffset.UTC) || year < 0 || year > 9999) {
            return -1;
        }
        int at = digits(text, 0, year, 4);
        text[at++] = '-';
        at = digits(text, at, value.getMonthValue(), 2);
        text[at++] = '-';
        at = digits(text, at, value.getDayOfMonth(), 2);
        text[at++] = 'T';
        at = digits(text, at, value.getHour(), 2);
        text[at++] = ':';
        at = digits(text, at, value.getMinute(), 2);
        text[at++] = ':';
        at = digits(text, at, value.getSecond(), 2);
        int nanos = value.getNano();
        if (nanos != 0) {
            int width = 9;
            while (nanos % 10 == 0) {
                nanos /= 10;
                width--;
            }
            text[at++] = '.';
            at = digits(text, at, nanos, width);
        }
        text[at++] = 'Z';
        return at;
    }

    /** Writes {@code value} zero-padded to {@code width} digits at {@code at}; returns the next position. */
    private static int digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }

    private static final class Serializer extends StdSerializer<OffsetDateTime> {
        Serializer() {
            super(OffsetDateTime.class);
        }

        @Override
        public void serialize(OffsetDateTime value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            char[] text = new char[MAX_LENGTH];
            int length = write(value, text);
            if (length < 0) {
                generator.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
            } else {
                generator.writeString(text, 0, length);
            }
        }
    }
}
