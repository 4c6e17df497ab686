package dev.runtimes.contract;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtimes.contract.harness.Call;
import dev.runtimes.contract.harness.Channel;
import dev.runtimes.contract.harness.Credentials;
import dev.runtimes.contract.harness.Json;
import dev.runtimes.contract.harness.LocalHttpServer;
import dev.runtimes.contract.harness.Target;
import dev.runtimes.contract.scenarios.OrganizationScenarios;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The suite itself: its scenarios fail against a server broken on purpose. The broken server is a
 * few lines imitating {@code createOrganization}; the control test shows the same scenarios pass
 * against the imitation without its defect, so each failure is the defect's doing.
 */
class BrokenServerTest {

    /** What the imitation gets wrong. */
    enum Defect {
        NONE,
        /** The 201 body lacks {@code created_at}, a required field. */
        DROPS_A_REQUIRED_FIELD,
        /** A create answers 200 where the spec documents 201. */
        ANSWERS_200_FOR_201,
        /** The 409's detail carries the database's message and a stack trace. */
        LEAKS_A_STACK_TRACE,
        /** The 409's type is not a value of {@code ErrorType}. */
        UNDOCUMENTED_ERROR_TYPE,
        /** The 201 says its JSON body is text. */
        WRONG_CONTENT_TYPE
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void withoutADefectTheScenariosPass(Channel channel) {
        try (LocalHttpServer server = imitation(Defect.NONE)) {
            OrganizationScenarios suite = against(server);
            assertThatCode(() -> suite.createOrganizationAnswers201WithTheOrganization(channel))
                    .doesNotThrowAnyException();
            assertThatCode(() -> suite.createOrganizationRefusesATakenSlugWith409(channel))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void aMissingRequiredFieldFailsTheRawChannel() {
        try (LocalHttpServer server = imitation(Defect.DROPS_A_REQUIRED_FIELD)) {
            assertThatThrownBy(() -> against(server).createOrganizationAnswers201WithTheOrganization(Channel.RAW))
                    .hasMessageContaining("missing required properties")
                    .hasMessageContaining("created_at");
        }
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void answering200Where201IsDocumentedFails(Channel channel) {
        try (LocalHttpServer server = imitation(Defect.ANSWERS_200_FOR_201)) {
            assertThatThrownBy(() -> against(server).createOrganizationAnswers201WithTheOrganization(channel))
                    .hasMessageContaining(
                            channel == Channel.RAW
                                    ? "Response status 200 not defined"
                                    : "answered 200 through CLIENT, a status the spec does not document");
        }
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void anUndocumentedEnumValueFails(Channel channel) {
        try (LocalHttpServer server = imitation(Defect.UNDOCUMENTED_ERROR_TYPE)) {
            assertThatThrownBy(() -> against(server).createOrganizationRefusesATakenSlugWith409(channel))
                    .hasMessageContaining(channel == Channel.RAW ? "not found in enum" : "unknown_default_open_api");
        }
    }

    @Test
    void aWrongContentTypeFailsTheRawChannel() {
        try (LocalHttpServer server = imitation(Defect.WRONG_CONTENT_TYPE)) {
            assertThatThrownBy(() -> against(server).createOrganizationAnswers201WithTheOrganization(Channel.RAW))
                    .hasMessageContaining("Response Content-Type header 'text/plain' does not match");
        }
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void aStackTraceInAnErrorDetailFails(Channel channel) {
        try (LocalHttpServer server = imitation(Defect.LEAKS_A_STACK_TRACE)) {
            assertThatThrownBy(() -> against(server).createOrganizationRefusesATakenSlugWith409(channel))
                    .hasMessageContaining("error detail leaks");
        }
    }

    @Test
    void anEventsRuntimeIsNullOnceDeletedNeverAnEmptyObject() {
        try (LocalHttpServer server = eventPage(NullNode.getInstance())) {
            assertThatCode(() -> listEvents(server)).doesNotThrowAnyException();
        }
        try (LocalHttpServer server = eventPage(Json.object())) {
            assertThatThrownBy(() -> listEvents(server)).hasMessageContaining("/items/0/runtime");
        }
    }

    private static void listEvents(LocalHttpServer server) {
        new Target("broken imitation", server.baseUrl(), "operator", null)
                .send(
                        Channel.RAW,
                        Call.to("listEvents")
                                .path("org", "acme")
                                .path("workspace", "research")
                                .as(Credentials.bearer("key")))
                .hasStatus(200);
    }

    /** listEvents answering one {@code runtime.deleted} event whose {@code runtime} is the one given. */
    private static LocalHttpServer eventPage(JsonNode runtime) {
        ObjectNode event = Json.object(
                "id",
                UUID.randomUUID(),
                "type",
                "runtime.deleted",
                "occurred_at",
                "2026-11-29T09:00:00Z",
                "runtime_id",
                UUID.randomUUID(),
                "runtime_key",
                "notebook",
                "actor",
                "ada",
                "pause_reason",
                null,
                "runtime",
                runtime);
        String page = Json.object("items", List.of(event), "next_cursor", "AgAAAAAAAAAB")
                .toString();
        return new LocalHttpServer(request -> new LocalHttpServer.Answer(200, page));
    }

    private static OrganizationScenarios against(LocalHttpServer server) {
        Target target = new Target("broken imitation", server.baseUrl(), "operator", null);
        return () -> target;
    }

    /** createOrganization as the spec says, apart from the defect. */
    private static LocalHttpServer imitation(Defect defect) {
        Set<String> slugs = new HashSet<>();
        return new LocalHttpServer(request -> {
            JsonNode body = Json.parse(request.body());
            String slug = body.path("slug").asText();
            if (!slugs.add(slug)) {
                String detail = defect == Defect.LEAKS_A_STACK_TRACE
                        ? "org.postgresql.util.PSQLException: ERROR: duplicate key value violates unique constraint"
                                + "\n\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2733)"
                        : "Organization '" + slug + "' already exists.";
                String type = defect == Defect.UNDOCUMENTED_ERROR_TYPE ? "duplicate_error" : "already_exists_error";
                return new LocalHttpServer.Answer(
                        409,
                        Json.object("code", 409, "detail", detail, "type", type, "errors", null)
                                .toString());
            }
            ObjectNode organization = Json.object(
                    "id",
                    UUID.randomUUID(),
                    "slug",
                    slug,
                    "name",
                    body.path("name").asText(),
                    "credit_balance",
                    body.path("credit_balance").isNumber() ? body.get("credit_balance") : null,
                    "member_limit",
                    null,
                    "max_runtime_limit_seconds",
                    null,
                    "default_runtime_limit_seconds",
                    null,
                    "created_at",
                    "2026-11-29T09:00:00Z");
            if (defect == Defect.DROPS_A_REQUIRED_FIELD) {
                organization.remove("created_at");
            }
            return new LocalHttpServer.Answer(
                    defect == Defect.ANSWERS_200_FOR_201 ? 200 : 201,
                    defect == Defect.WRONG_CONTENT_TYPE ? "text/plain" : "application/json",
                    organization.toString());
        });
    }
}
