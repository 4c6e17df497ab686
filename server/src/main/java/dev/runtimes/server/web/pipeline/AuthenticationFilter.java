package dev.runtimes.server.web.pipeline;

import dev.runtimes.server.config.RuntimesConfig;
import dev.runtimes.server.error.Credentials;
import dev.runtimes.server.error.ServiceException;
import dev.runtimes.server.tenancy.ApiKeyAuthenticator;
import dev.runtimes.server.tenancy.Tokens;
import dev.runtimes.server.web.Operation;
import dev.runtimes.server.web.Stages;
import dev.runtimes.server.web.conformance.Request;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates every call with the scheme its operation's security names ({@link Operation#securedBy}): the operator
 * token, or an API key from {@code Authorization: Bearer} or {@code X-API-Key}. Secrets are never
 * taken from the URL.
 */
public class AuthenticationFilter {
    static final String API_KEY_HEADER = "X-API-Key";
    private static final String BEARER_SCHEME = "Bearer";

    private final ApiKeyAuthenticator authenticator;
    private final CallerContext callerContext;
    private final RuntimesConfig config;

    AuthenticationFilter(ApiKeyAuthenticator authenticator, CallerContext callerContext, RuntimesConfig config) {
        this.authenticator = authenticator;
        this.callerContext = callerContext;
        this.config = config;
    }

    @ServerRequestFilter(priority = Stages.AUTHENTICATION)
    public void authenticate(ContainerRequestContext request, ResourceInfo resource) {
        Optional<Operation> operation = Operation.of(resource);
        if (operation.isEmpty() || operation.get().securedBy().isEmpty()) {
            return;
        }
        if (operation.get().securedBy().contains(Operation.OPERATOR_TOKEN)) {
            authenticateOperator(request);
        } else {
            MultivaluedMap<String, String> names = request.getUriInfo().getPathParameters();
            Request rules = operation.get().request();
            callerContext.set(authenticator.authenticate(
                    presentedToken(request),
                    admittedPathName(names, rules, "org"),
                    admittedPathName(names, rules, "workspace")));
        }
    }

    private void authenticateOperator(ContainerRequestContext request) {
        String presented = bearerToken(request, Credentials.OPERATOR_TOKEN);
        if (presented == null || presented.isEmpty()) {
            throw ServiceException.unauthenticated(Credentials.Problem.MISSING, Credentials.OPERATOR_TOKEN);
        }
        boolean operator = config.admin()
                .token()
                .filter(token -> Tokens.sameSecret(token, presented))
                .isPresent();
        if (!operator) {
            throw ServiceException.unauthenticated(Credentials.Problem.INVALID, Credentials.OPERATOR_TOKEN);
        }
    }

    /**
     * The path parameter, when the spec admits it. Another value names nothing and does not go to
     * the database (PostgreSQL refuses a NUL byte with an error); validation answers it with 422
     * once the caller is authenticated.
     */
    private static String admittedPathName(MultivaluedMap<String, String> names, Request rules, String name) {
        String value = names.getFirst(name);
        boolean admitted =
                value != null && rules.parameter("path", name).stream().allMatch(parameter -> parameter.admits(value));
        return admitted ? value : null;
    }

    private static String presentedToken(ContainerRequestContext request) {
        return request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                ? bearerToken(request, Credentials.API_KEY)
                : request.getHeaderString(API_KEY_HEADER);
    }

    /** The token of a {@code Bearer} authorization, or {@code null} when there is no such header. */
    private static String bearerToken(ContainerRequestContext request, Credentials credentials) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return null;
        }
        if (authorization.isBlank()) {
            throw ServiceException.unauthenticated(Credentials.Problem.MISSING, credentials);
        }
        if (!authorization.regionMatches(true, 0, BEARER_SCHEME, 0, BEARER_SCHEME.length())
                || (authorization.length() > BEARER_SCHEME.length()
                        && authorization.charAt(BEARER_SCHEME.length()) != ' ')) {
            throw ServiceException.unauthenticated(Credentials.Problem.NOT_BEARER, credentials);
        }
        return authorization.substring(BEARER_SCHEME.length()).trim();
    }
}
