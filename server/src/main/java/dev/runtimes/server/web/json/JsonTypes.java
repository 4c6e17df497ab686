package dev.runtimes.server.web.json;

import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Names a Java type the way a JSON document would, for validation messages. */
public final class JsonTypes {
    private JsonTypes() {}

    public static String describe(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (type == UUID.class) {
            return "a UUID string";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an RFC 3339 date-time string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "an object";
    }
}
