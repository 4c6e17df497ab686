package dev.runtimes.server.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
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

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("utc-date-times").addSerializer(new Serializer()));
    }

    /** After Quarkus's own customizer, which registers the java.time serializers this one replaces. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    static String format(OffsetDateTime value) {
        int year = value.getYear();
        if (!value.getOffset().equals(ZoneOffset.UTC) || year < 0 || year > 9999) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
        }
        StringBuilder text = new StringBuilder(30);
        digits(text, year, 4).append('-');
        digits(text, value.getMonthValue(), 2).append('-');
        digits(text, value.getDayOfMonth(), 2).append('T');
        digits(text, value.getHour(), 2).append(':');
        digits(text, value.getMinute(), 2).append(':');
        digits(text, value.getSecond(), 2);
        int nanos = value.getNano();
        if (nanos != 0) {
            int width = 9;
            while (nanos % 10 == 0) {
                nanos /= 10;
                width--;
            }
            digits(text.append('.'), nanos, width);
        }
        return text.append('Z').toString();
    }

    private static StringBuilder digits(StringBuilder text, int value, int width) {
        String plain = Integer.toString(value);
        for (int pad = width - plain.length(); pad > 0; pad--) {
            text.append('0');
        }
        return text.append(plain);
    }

    private static final class Serializer extends StdSerializer<OffsetDateTime> {
        Serializer() {
            super(OffsetDateTime.class);
        }

        @Override
        public void serialize(OffsetDateTime value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeString(format(value));
        }
    }
}
