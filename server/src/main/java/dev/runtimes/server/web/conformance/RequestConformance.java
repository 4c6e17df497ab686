package dev.runtimes.server.web.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtimes.server.error.FieldProblem;
import dev.runtimes.server.error.ServiceException;
import dev.runtimes.server.web.Operation;
import dev.runtimes.server.web.Stages;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Holds every request to the spec in one place, before any operation runs: each parameter (its
 * type, bounds, enum, whether it may repeat or be empty) and the body (JSON types, bounds, enums,
 * required and nullable members, no unknown member, no NUL character). Every finding is a 422
 * naming its {@code loc}; the rules are generated from the spec into the interfaces and models
 * ({@link Request}, {@link Rule}), so the spec is their only source.
 *
 * <p>Framework defaults are never reached: Quarkus REST would answer a value that fails conversion
 * with a 404, keep the first of a repeated value and take an empty one as absent; Jackson would
 * coerce {@code "600"} to a number and an explicit {@code null} to an absent member.
 */
public class RequestConformance {
    private static final List<Object> BODY = List.of("body");

    private final ObjectMapper mapper;
    private final SentMembers sentMembers;

    RequestConformance(ObjectMapper mapper, SentMembers sentMembers) {
        this.mapper = mapper;
        this.sentMembers = sentMembers;
    }

    @ServerRequestFilter(priority = Stages.CONFORMANCE, readBody = true)
    public void check(ContainerRequestContext request, ResourceInfo resource) throws IOException {
        Optional<Operation> operation = Operation.of(resource);
        if (operation.isEmpty()) {
            return;
        }
        Request rules = operation.get().request();
        List<FieldProblem> problems = new ArrayList<>();
        for (Request.Parameter parameter : rules.parameters()) {
            checkParameter(parameter, values(request, parameter), problems);
        }
        if (rules.body() != null) {
            checkBody(request, rules, problems);
        }
        if (!problems.isEmpty()) {
            throw ServiceException.invalid(problems);
        }
    }

    private static List<String> values(ContainerRequestContext request, Request.Parameter parameter) {
        return switch (parameter.source()) {
            case "query" -> request.getUriInfo().getQueryParameters().get(parameter.name());
            case "path" -> request.getUriInfo().getPathParameters().get(parameter.name());
            default -> request.getHeaders().get(parameter.name());
        };
    }

    private static void checkParameter(Request.Parameter parameter, List<String> values, List<FieldProblem> problems) {
        List<Object> at = parameter.location();
        if (values == null || values.isEmpty()) {
            if (parameter.required()) {
                problems.add(new FieldProblem(at, "must not be null", "missing"));
            }
            return;
        }
        if (!parameter.repeated() && values.size() > 1) {
            problems.add(new FieldProblem(at, "must be given once", "invalid_value"));
            return;
        }
        Rule rule = parameter.repeated() ? parameter.rule().element() : parameter.rule();
        for (int i = 0; i < values.size(); i++) {
            List<Object> here = parameter.repeated() ? Rule.append(at, i) : at;
            List<FieldProblem> found = values.get(i).isEmpty()
                    ? emptyProblems(parameter, rule, here)
                    : rule.checkText(values.get(i), here);
            if (!found.isEmpty()) {
                problems.addAll(found);
                return;
            }
        }
        if (parameter.repeated()) {
            parameter.rule().sizeProblem(values.size(), at, problems);
        }
    }

    /** Quarkus REST takes an empty value as absent; the spec does not, unless the bounds admit it (a header's may). */
    private static List<FieldProblem> emptyProblems(Request.Parameter parameter, Rule rule, List<Object> at) {
        if (parameter.source().equals("header") && parameter.admits("")) {
            return List.of();
        }
        return rule.kind() == Rule.Kind.STRING
                ? List.of(new FieldProblem(at, "must not be empty", "too_short"))
                : rule.checkText("", at);
    }

    private void checkBody(ContainerRequestContext request, Request operation, List<FieldProblem> problems)
            throws IOException {
        byte[] bytes = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(bytes));
        JsonNode tree = bytes.length == 0 ? null : mapper.readTree(bytes);
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            if (operation.bodyRequired()) {
                problems.add(new FieldProblem(BODY, "must not be null", "missing"));
            }
        } else {
            operation.body().checkJson(tree, BODY, problems);
            sentMembers.keep(tree);
        }
    }
}
