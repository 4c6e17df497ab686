package dev.runtimes.server.web;

import dev.runtimes.server.api.RuntimesApi;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Lets a repeatable enum parameter also be written comma-separated ({@code state=idle,running})
 * by rewriting it to its repeated form ({@code state=idle&state=running}) before routing. Only
 * enum lists qualify: other values, such as labels, may contain commas themselves.
 */
public class CommaSeparatedEnumLists {
    private static final Set<String> NAMES = Arrays.stream(RuntimesApi.class.getMethods())
            .flatMap(method -> RequestParameters.of(method).stream())
            .filter(p -> p.source().equals("query") && p.repeated() && p.type().isEnum())
            .map(RequestParameters.Parameter::name)
            .collect(Collectors.toUnmodifiableSet());

    @ServerRequestFilter(preMatching = true)
    public void split(ContainerRequestContext request) {
        var query = request.getUriInfo().getQueryParameters();
        boolean anyComma = NAMES.stream()
                .map(query::get)
                .filter(values -> values != null)
                .flatMap(List::stream)
                .anyMatch(value -> value.contains(","));
        if (!anyComma) {
            return;
        }
        UriBuilder uri = request.getUriInfo().getRequestUriBuilder();
        for (String name : NAMES) {
            List<String> values = query.get(name);
            if (values != null) {
                Object[] split = values.stream()
                        .flatMap(value -> Arrays.stream(value.split(",")))
                        .filter(value -> !value.isEmpty())
                        .toArray();
                uri.replaceQueryParam(name, split);
            }
        }
        request.setRequestUri(uri.build());
    }
}
