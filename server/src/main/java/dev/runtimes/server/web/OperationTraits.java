package dev.runtimes.server.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The traits of an operation: annotations that {@code api.mustache} puts on the generated interface
 * method from the spec. Java does not inherit method annotations, so a resource method's are read
 * from the interface method it implements, found once per method.
 */
public final class OperationTraits {
    private static final Map<Method, Method> GENERATED = new ConcurrentHashMap<>();

    private OperationTraits() {}

    public static <A extends Annotation> Optional<A> of(Method resourceMethod, Class<A> trait) {
        return Optional.ofNullable(generated(resourceMethod).getAnnotation(trait));
    }

    /** The generated interface method a resource method implements, which carries the spec's annotations. */
    public static Method generated(Method resourceMethod) {
        return GENERATED.computeIfAbsent(resourceMethod, OperationTraits::declared);
    }

    private static Method declared(Method resourceMethod) {
        for (Class<?> api : resourceMethod.getDeclaringClass().getInterfaces()) {
            try {
                return api.getMethod(resourceMethod.getName(), resourceMethod.getParameterTypes());
            } catch (NoSuchMethodException notThisInterface) {
                // try the next one
            }
        }
        return resourceMethod;
    }
}
