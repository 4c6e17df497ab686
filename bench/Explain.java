import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Prints a psql script that prepares the server's page statement for one filter (the statement
 * {@code RuntimePageQuery.statement} writes, limit 50 + 1, no cursor), executes it 999 times and
 * explains the 1000th: the plan PostgreSQL settled on for a prepared statement.
 *
 * <p>{@code java -cp <server classes and libraries> bench/Explain.java workspace none|state|project|owner|label [value]};
 * bench/explain.sh runs it for every case of bench/run.sh.
 */
public class Explain {
    public static void main(String[] args) throws ReflectiveOperationException {
        Class<?> states = Class.forName("dev.runtimes.server.domain.RuntimeState");
        Class<?> labels = Class.forName("dev.runtimes.server.domain.LabelFilter");
        Class<?> filters = Class.forName("dev.runtimes.server.domain.RuntimeFilter");
        String value = args.length > 2 ? args[2] : null;
        Object filter = filters.getMethod("of", Collection.class, UUID.class, UUID.class, Collection.class)
                .invoke(
                        null,
                        args[1].equals("state") ? Set.of(enumValue(states, value.toUpperCase())) : Set.of(),
                        args[1].equals("project") ? UUID.fromString(value) : null,
                        args[1].equals("owner") ? UUID.fromString(value) : null,
                        args[1].equals("label")
                                ? Set.of(labels.getConstructor(String.class, String.class)
                                        .newInstance(value.substring(0, value.indexOf(':')), value.substring(value.indexOf(':') + 1)))
                                : Set.of());
        Method statement = Class.forName("dev.runtimes.server.domain.RuntimePageQuery")
                .getDeclaredMethod("statement", UUID.class, filters, Class.forName("dev.runtimes.server.domain.Keyset"), int.class);
        statement.setAccessible(true);
        Object page = statement.invoke(null, UUID.fromString(args[0]), filter, null, 51);
        String sql = field(page, "sql").toString();
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char c : sql.toCharArray()) {
            numbered.append(c == '?' ? "$" + ++n : String.valueOf(c));
        }
        StringJoiner values = new StringJoiner(", ", "(", ")");
        ((List<?>) field(page, "args")).forEach(v -> values.add("'" + v + "'"));
        System.out.println("PREPARE page AS " + numbered + ";\n\\o /dev/null");
        System.out.println(("EXECUTE page" + values + ";\n").repeat(999) + "\\o");
        System.out.println("EXPLAIN (ANALYZE, BUFFERS) EXECUTE page" + values + ";");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }
}
