package dev.runtimes.server.web;

import dev.runtimes.server.service.FieldProblem;
import dev.runtimes.server.service.ServiceException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses query parameters of a shape the spec does not allow, which Quarkus REST would take
 * silently: a single-valued parameter given twice ({@code limit=5&limit=7}, where it keeps the
 * first) and an empty value ({@code limit=}, which it takes as absent). Runs after
 * authentication, so an anonymous caller learns nothing about the parameters.
 */
public class QueryParameterShape {

    @ServerRequestFilter(priority = Priorities.USER + 100)
    public void check(UriInfo uri, ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return;
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (RequestParameters.Parameter parameter : RequestParameters.of(resource.getResourceMethod())) {
            List<String> values = parameter.source().equals("query")
                    ? uri.getQueryParameters().get(parameter.name())
                    : null;
            if (values == null) {
                continue;
            }
            if (!parameter.repeated() && values.size() > 1) {
                problems.add(new FieldProblem(parameter.location(), "must be given once", "invalid_value"));
                continue;
            }
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i).isEmpty()) {
                    FieldProblem problem = ParameterConversion.problem(parameter, "")
                            .orElse(new FieldProblem(parameter.location(), "must not be empty", "too_short"));
                    problems.add(parameter.repeated() ? problem.at(i) : problem);
                    break;
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ServiceException.invalid(problems);
        }
    }
}
