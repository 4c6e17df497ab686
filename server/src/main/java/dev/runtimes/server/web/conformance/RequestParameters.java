package dev.runtimes.server.web.conformance;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The request parameters of a resource method as the spec names them, read from the JAX-RS
 * annotations of the generated interface the resource implements. Validation and conversion
 * failures only know Java positions; this turns them into the wire names of {@code loc}.
 */
public final class RequestParameters {

    /**
     * One parameter: where it travels ({@code path}, {@code query}, {@code header}), its wire name,
     * its Java type, and the {@code @Pattern} and {@code @Size} the spec's bounds became.
     */
    public record Parameter(
            int index,
            String source,
            String name,
            Class<?> type,
            boolean repeated,
            Optional<java.util.regex.Pattern> pattern,
            Optional<Size> size) {
        public List<Object> location() {
            return List.of(source, name);
        }

        /** Whether a text value keeps the parameter's bounds, as Bean Validation will judge it. */
        public boolean admits(String value) {
            return pattern.map(p -> p.matcher(value).matches()).orElse(true)
                    && size.map(s -> value.length() >= s.min() && value.length() <= s.max())
                            .orElse(true);
        }
    }

    /** Read once per method: filters ask on every request, and the answer never changes. */
    private static final Map<Method, List<Parameter>> BY_METHOD = new ConcurrentHashMap<>();

    private RequestParameters() {}

    public static List<Parameter> of(Method resourceMethod) {
        return BY_METHOD.computeIfAbsent(resourceMethod, RequestParameters::read);
    }

    private static List<Parameter> read(Method resourceMethod) {
        Method declared = declaringInterfaceMethod(resourceMethod).orElse(resourceMethod);
        Annotation[][] annotations = declared.getParameterAnnotations();
        Type[] types = declared.getGenericParameterTypes();
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation annotation : annotations[i]) {
                Optional<Location> location = location(annotation);
                if (location.isPresent()) {
                    boolean repeated = types[i] instanceof ParameterizedType;
                    Type element = repeated ? ((ParameterizedType) types[i]).getActualTypeArguments()[0] : types[i];
                    parameters.add(new Parameter(
                            i,
                            location.get().source(),
                            location.get().name(),
                            (Class<?>) element,
                            repeated,
                            bound(annotations[i], Pattern.class)
                                    .map(pattern -> java.util.regex.Pattern.compile(pattern.regexp())),
                            bound(annotations[i], Size.class)));
                }
            }
        }
        return List.copyOf(parameters);
    }

    private static <A extends Annotation> Optional<A> bound(Annotation[] annotations, Class<A> kind) {
        return Arrays.stream(annotations)
                .filter(kind::isInstance)
                .map(kind::cast)
                .findFirst();
    }

    /** The header parameter of this name as the first operation of the generated interface that takes it declares it. */
    public static Parameter header(Class<?> api, String name) {
        return Arrays.stream(api.getMethods())
                .flatMap(method -> of(method).stream())
                .filter(p -> p.source().equals("header") && p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(api.getSimpleName() + " has no header " + name));
    }

    public static Optional<Parameter> at(Method resourceMethod, int index) {
        return of(resourceMethod).stream().filter(p -> p.index() == index).findFirst();
    }

    private record Location(String source, String name) {}

    private static Optional<Location> location(Annotation annotation) {
        if (annotation instanceof QueryParam query) {
            return Optional.of(new Location("query", query.value()));
        }
        if (annotation instanceof PathParam path) {
            return Optional.of(new Location("path", path.value()));
        }
        if (annotation instanceof HeaderParam header) {
            return Optional.of(new Location("header", header.value()));
        }
        return Optional.empty();
    }

    private static Optional<Method> declaringInterfaceMethod(Method method) {
        for (Class<?> type : method.getDeclaringClass().getInterfaces()) {
            try {
                return Optional.of(type.getMethod(method.getName(), method.getParameterTypes()));
            } catch (NoSuchMethodException notThisInterface) {
                // try the next one
            }
        }
        return Optional.empty();
    }
}
