package dev.runtimes.contract.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runtimes.client.AuthenticationException;
import dev.runtimes.client.ForbiddenException;
import dev.runtimes.client.InvalidRequestException;
import dev.runtimes.client.ListRuntimesParams;
import dev.runtimes.client.NotFoundException;
import dev.runtimes.client.RuntimesApiException;
import dev.runtimes.client.RuntimesClient;
import dev.runtimes.client.Sleeper;
import dev.runtimes.client.ValidationException;
import dev.runtimes.client.model.ErrorType;
import dev.runtimes.client.model.ValidationErrorItem;
import dev.runtimes.client.model.ValidationErrorType;
import dev.runtimes.contract.client.Tenants.Tenant;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every error the server can answer a list with today, as the client's typed exceptions: built
 * from the envelope the server sent, and never retried.
 */
@QuarkusTest
class ClientErrorsTest {
    @TestHTTPResource("/")
    URL server;

    Tenants tenants;
    Tenant tenant;
    final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void tenant() {
        tenants = new Tenants(server);
        tenant = tenants.tenant();
    }

    private static final String INVALID_KEY = "The API key is not valid: it is unknown, revoked or expired."
            + " Send the API key as Authorization: Bearer <token> or X-API-Key: <token>.";

    @AfterEach
    void noRetries() {
        assertEquals(List.of(), waits);
    }

    @Test
    void wrongTokenIsAnAuthenticationError() {
        AuthenticationException e =
                assertThrows(AuthenticationException.class, list("rtk_wrong", ListRuntimesParams.all()));

        assertEnvelope(e, 401, ErrorType.AUTHENTICATION_ERROR, INVALID_KEY);
    }

    @Test
    void revokedKeyIsAnAuthenticationError() {
        AuthenticationException e =
                assertThrows(AuthenticationException.class, list(tenants.revokedKey(tenant), ListRuntimesParams.all()));

        assertEnvelope(e, 401, ErrorType.AUTHENTICATION_ERROR, INVALID_KEY);
    }

    @Test
    void keyOfAnotherWorkspaceIsForbidden() {
        String otherKey = tenants.keyRestrictedTo(tenant, tenants.otherWorkspace(tenant));

        ForbiddenException e = assertThrows(ForbiddenException.class, list(otherKey, ListRuntimesParams.all()));

        assertEnvelope(
                e,
                403,
                ErrorType.FORBIDDEN_ERROR,
                "This API key may not act in workspace '" + tenant.org() + "/" + tenant.workspace() + "'.");
    }

    @Test
    void unknownWorkspaceIsNotFound() {
        NotFoundException e = assertThrows(
                NotFoundException.class,
                () -> client(tenant.token()).runtimes(tenant.org(), "nowhere").list(ListRuntimesParams.all()));

        assertEnvelope(e, 404, ErrorType.NOT_FOUND_ERROR, "Workspace '" + tenant.org() + "/nowhere' was not found.");
    }

    @Test
    void limitOverTheMaximumIsAValidationError() {
        ValidationException e = assertThrows(
                ValidationException.class,
                list(tenant.token(), ListRuntimesParams.builder().limit(101).build()));

        assertEnvelope(e, 422, ErrorType.VALIDATION_ERROR, "The request has 1 invalid value.");
        ValidationErrorItem item = e.validationErrors().get(0);
        assertEquals(List.of("query", "limit"), item.getLoc());
        assertEquals("must be less than or equal to 100", item.getMsg());
        assertEquals(ValidationErrorType.TOO_LARGE, item.getType());
    }

    @Test
    void cursorOfOtherFiltersIsAnInvalidRequest() {
        for (int i = 0; i < 3; i++) {
            tenants.runtime(tenant, "rt-" + i, Map.of());
        }
        String cursor = client(tenant.token())
                .runtimes(tenant.org(), tenant.workspace())
                .list(ListRuntimesParams.builder().limit(1).build())
                .nextCursor()
                .orElseThrow();

        InvalidRequestException e = assertThrows(
                InvalidRequestException.class,
                list(
                        tenant.token(),
                        ListRuntimesParams.builder()
                                .limit(1)
                                .ownedByMe(true)
                                .cursor(cursor)
                                .build()));

        String detail = "The cursor is not valid for this list; start again without a cursor.";
        assertEnvelope(e, 400, ErrorType.INVALID_REQUEST_ERROR, detail);
        ValidationErrorItem item = e.validationErrors().get(0);
        assertEquals(List.of("query", "cursor"), item.getLoc());
        assertEquals(ValidationErrorType.INVALID_CURSOR, item.getType());
    }

    private static void assertEnvelope(RuntimesApiException e, int status, ErrorType type, String detail) {
        assertEquals(status, e.status());
        assertEquals(type.getValue(), e.type());
        assertEquals(type, e.errorType());
        assertEquals(detail, e.detail());
        assertTrue(e.getMessage().startsWith(status + " " + type.getValue() + ": "), e.getMessage());
    }

    private Executable list(String token, ListRuntimesParams params) {
        return () -> client(token).runtimes(tenant.org(), tenant.workspace()).list(params);
    }

    private RuntimesClient client(String token) {
        Sleeper recorder = waits::add;
        return RuntimesClient.builder()
                .baseUrl(server.toString())
                .token(token)
                .sleeper(recorder)
                .build();
    }
}
