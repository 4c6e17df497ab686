package dev.runtimes.server.web.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.OffsetDateTime;

/**
 * Takes a body value only in the JSON type the spec gives it. By default Jackson turns
 * {@code true} or {@code 42} into a string, {@code "600"} into a number, {@code ""} or
 * {@code "\u0000"} into a null number and truncates {@code 60.5} to {@code 60}; each is a request the spec forbids and would be accepted
 * silently. Refused here, the value is a 422 {@code invalid_type} on its field.
 *
 * A date-time is an RFC 3339 string only: Jackson would also take a number as epoch seconds.
 *
 * <p>Text with the NUL character is refused too, as the spec says: PostgreSQL cannot store it,
 * and it used to fail the request with a 500.
 */
@Singleton
public class StrictJsonTypes implements ObjectMapperCustomizer {

    /** A string or a map key with the NUL character, at the place the parser is. */
    public static final class NulCharacter extends MismatchedInputException {
        NulCharacter(JsonParser parser) {
            super(parser, "must not contain the NUL character (U+0000)", String.class);
        }
    }

    /** Last, so its date-time deserializer is registered after Quarkus' JavaTimeModule and wins. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule noNul = new SimpleModule("no-nul");
        noNul.addDeserializer(String.class, new StdScalarDeserializer<String>(String.class) {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String value = StringDeserializer.instance.deserialize(parser, context);
                if (value != null && value.indexOf('\0') >= 0) {
                    throw new NulCharacter(parser);
                }
                return value;
            }
        });
        noNul.addKeyDeserializer(String.class, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext context) throws IOException {
                if (key.indexOf('\0') >= 0) {
                    throw new NulCharacter(context.getParser());
                }
                return key;
            }
        });
        mapper.registerModule(noNul);
        SimpleModule textDates = new SimpleModule("text-dates");
        textDates.addDeserializer(
                OffsetDateTime.class, new StdScalarDeserializer<OffsetDateTime>(OffsetDateTime.class) {
                    @Override
                    public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context)
                            throws IOException {
                        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                            return (OffsetDateTime) context.handleUnexpectedToken(OffsetDateTime.class, parser);
                        }
                        return InstantDeserializer.OFFSET_DATE_TIME.deserialize(parser, context);
                    }
                });
        mapper.registerModule(textDates);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // An empty or blank string (Jackson counts the control characters as blank) would become
        // null, which a nullable number or boolean takes: refused like any other string.
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setAcceptBlankAsEmpty(false)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setAcceptBlankAsEmpty(false)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    }
}
