package dev.runtimes.server.web.conformance;

import dev.runtimes.server.error.FieldProblem;
import dev.runtimes.server.error.ServiceException;
import dev.runtimes.server.web.Stages;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses query and header parameters of a shape the spec does not allow, which Quarkus REST
 * would take silently: a single-valued parameter given twice ({@code limit=5&limit=7}, where it
 * keeps the first) and an empty value ({@code limit=}, or an empty {@code Idempotency-Key},
 * which it takes as absent). An empty header is refused only where the spec's bounds refuse
 * the empty text. Runs after authentication, so an anonymous caller learns nothing about the
 * parameters, and before the filters that act on headers ({@link ClientVersionFilter},
 * {@link IdempotencyFilter}).
 */
public class ParameterShape {

    @ServerRequestFilter(priority = Stages.PARAMETER_SHAPE)
    public void check(UriInfo uri, HttpHeaders headers, ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return;
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (RequestParameters.Parameter parameter : RequestParameters.of(resource.getResourceMethod())) {
            List<String> values = switch (parameter.source()) {
                case "query" -> uri.getQueryParameters().get(parameter.name());
                case "header" -> headers.getRequestHeader(parameter.name());
                default -> null;
            };
            if (values == null || values.isEmpty()) {
                continue;
            }
            if (!parameter.repeated() && values.size() > 1) {
                problems.add(new FieldProblem(parameter.location(), "must be given once", "invalid_value"));
                continue;
            }
            for (int i = 0; i < values.size(); i++) {
                Optional<FieldProblem> problem = values.get(i).isEmpty() ? emptyProblem(parameter) : Optional.empty();
                if (problem.isPresent()) {
                    problems.add(parameter.repeated() ? problem.get().at(i) : problem.get());
                    break;
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ServiceException.invalid(problems);
        }
    }

    private static Optional<FieldProblem> emptyProblem(RequestParameters.Parameter parameter) {
        if (parameter.source().equals("header") && parameter.admits("")) {
            return Optional.empty();
        }
        return ParameterConversion.problem(parameter, "")
                .or(() -> Optional.of(new FieldProblem(parameter.location(), "must not be empty", "too_short")));
    }
}
