package dev.runtimes.contract.hostile;

import static dev.runtimes.contract.harness.Json.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtimes.contract.harness.Call;
import dev.runtimes.contract.harness.Channel;
import dev.runtimes.contract.harness.ContractSpec;
import dev.runtimes.contract.harness.Credentials;
import dev.runtimes.contract.harness.Outcome;
import dev.runtimes.contract.harness.Target;
import dev.runtimes.contract.scenarios.Scenarios;
import dev.runtimes.contract.scenarios.Tenants;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The authorization matrix: two organizations with two workspaces each; in each organization an
 * owner, a member and a key of the owner restricted to the first workspace; every operation of
 * the spec called by each of them against each workspace, with every id a request can carry
 * (organization and workspace in the path, a runtime's id and key in the path, a project in the
 * query and in the body, a cursor) taken from every workspace in turn.
 *
 * <p>No cross-tenant read or write may succeed, every refusal must have the status and type the
 * spec documents for it (404 for what the caller may not know about, 403 for a key restricted
 * elsewhere or a runtime of another member, 400 for a foreign cursor, 422 for a foreign project,
 * 401 across the user and operator surfaces), and no 2xx body may carry an id of another
 * workspace.
 */
@QuarkusTest
@TestProfile(UnlimitedQuotas.class)
class AuthorizationMatrixTest implements Scenarios {
    @TestHTTPResource("/")
    URL root;

    private Target target;

    @Override
    public Target target() {
        if (target == null) {
            target = InProcessTarget.of("in-process (authorization matrix)", root);
        }
        return target;
    }

    /** A workspace with its default project, a second project, and a cursor of its list. */
    record Workspace(String org, String slug, String defaultProjectId, String extraProjectId, String extraProjectKey) {
        Call call(String operationId) {
            return Call.to(operationId).path("org", org).path("workspace", slug);
        }

        @Override
        public String toString() {
            return org + "/" + slug;
        }
    }

    /** Who calls: a user's key, perhaps restricted to one workspace. */
    record Caller(String name, String org, String userId, Credentials key, String onlyWorkspace) {}

    record Runtime(String id, String key, Workspace workspace, String ownerId) {}

    /** How a caller stands towards a workspace: a refusal status and type, or {@code null} for allowed. */
    record Refusal(int status, String type) {}

    private static final Refusal HIDDEN = new Refusal(404, "not_found_error");
    private static final Refusal RESTRICTED = new Refusal(403, "forbidden_error");
    private static final Refusal NOT_OWNER = new Refusal(403, "forbidden_error");
    private static final Refusal UNAUTHENTICATED = new Refusal(401, "authentication_error");
    private static final Refusal FOREIGN_CURSOR = new Refusal(400, "invalid_request_error");
    private static final Refusal FOREIGN_PROJECT = new Refusal(422, "validation_error");
    private static final Refusal NOT_IDLE_OR_RUNNING = new Refusal(409, "conflict_error");
    /** A change the owner may make but the matrix does not: it would start a sandbox or destroy a fixture. */
    private static final Refusal NOT_MADE_HERE = new Refusal(0, "not made in the matrix");

    /** The lifecycle operations that only the runtime's owner may call. */
    private static final List<String> MUTATIONS = List.of(
            "updateRuntime",
            "deleteRuntime",
            "startRuntime",
            "pauseRuntime",
            "resumeRuntime",
            "resetRuntime",
            "keepaliveRuntime");

    private final List<Workspace> workspaces = new ArrayList<>();
    private final List<Caller> callers = new ArrayList<>();
    private final List<Runtime> runtimes = new ArrayList<>();
    private final Map<Workspace, String> cursors = new HashMap<>();
    private final List<String> failures = new ArrayList<>();
    private int cells;

    @Test
    void noCrossTenantReadOrWriteSucceedsAndEveryRefusalIsTheDocumentedOne() {
        for (String name : List.of("a", "b")) {
            organization(name);
        }
        Runtime running = runtimes.get(0);
        start(running);
        try {
            for (Caller caller : callers) {
                for (Workspace workspace : workspaces) {
                    listCells(caller, workspace);
                    createCells(caller, workspace);
                    for (Runtime runtime : runtimes) {
                        runtimeCells(caller, workspace, runtime, runtime == running);
                    }
                }
                operatorCells(caller);
            }
            userSurfaceRefusesTheOperatorToken();
            ownersDeleteOnlyWhatIsTheirs();
        } finally {
            owner(running).ifPresent(owner -> send(call(running, "resetRuntime").as(owner.key())));
        }
        System.out.printf(
                "Authorization matrix: %d cells checked (%d callers x %d workspaces x %d operations, every id-bearing input), %d failed%n",
                cells,
                callers.size(),
                workspaces.size(),
                ContractSpec.get().operations().size(),
                failures.size());
        assertThat(failures).as("authorization matrix failures").isEmpty();
    }

    private void listCells(Caller caller, Workspace workspace) {
        Refusal access = access(caller, workspace);
        expect(caller, workspace, workspace.call("listRuntimes"), access, 200);
        expect(caller, workspace, workspace.call("listRuntimes").query("owner", "me"), access, 200);
        for (Workspace other : workspaces) {
            expect(
                    caller,
                    workspace,
                    workspace.call("listRuntimes").query("project_id", other.defaultProjectId()),
                    access,
                    200);
            expect(
                    caller,
                    workspace,
                    workspace.call("listRuntimes").query("cursor", cursors.get(other)),
                    access != null ? access : other.equals(workspace) ? null : FOREIGN_CURSOR,
                    200);
        }
    }

    private void createCells(Caller caller, Workspace workspace) {
        Refusal access = access(caller, workspace);
        expect(caller, workspace, create(workspace, null), access, 201);
        for (Workspace other : workspaces) {
            if (!other.equals(workspace)) {
                Refusal foreign = access != null ? access : FOREIGN_PROJECT;
                expect(caller, workspace, create(workspace, other.extraProjectId()), foreign, 201);
                expect(caller, workspace, create(workspace, other.extraProjectKey()), foreign, 201);
            }
        }
    }

    private void runtimeCells(Caller caller, Workspace workspace, Runtime runtime, boolean running) {
        Refusal access = access(caller, workspace);
        Refusal elsewhere = access != null ? access : runtime.workspace().equals(workspace) ? null : HIDDEN;
        Refusal notOwner = elsewhere != null ? elsewhere : caller.userId().equals(runtime.ownerId()) ? null : NOT_OWNER;
        for (String id : List.of(runtime.id(), runtime.key())) {
            expect(caller, workspace, lifecycle(workspace, "getRuntime", id), elsewhere, 200);
            for (String operation : MUTATIONS) {
                Refusal expected = notOwner != null ? notOwner : ownerOutcome(operation, running);
                if (expected != NOT_MADE_HERE) {
                    expect(caller, workspace, lifecycle(workspace, operation, id), expected, 200);
                }
            }
        }
    }

    /**
     * What the owner gets for a change of its own runtime: a rename succeeds; an idle runtime
     * cannot be paused, resumed, reset or kept alive (409); a running one cannot be started (409)
     * and may be kept alive. Deleting, starting an idle runtime and changing the running one's
     * state are not made here (see {@link #ownersDeleteOnlyWhatIsTheirs()} and the final reset).
     */
    private static Refusal ownerOutcome(String operation, boolean running) {
        return switch (operation) {
            case "updateRuntime" -> null;
            case "keepaliveRuntime" -> running ? null : NOT_IDLE_OR_RUNNING;
            case "pauseRuntime", "resumeRuntime", "resetRuntime" -> running ? NOT_MADE_HERE : NOT_IDLE_OR_RUNNING;
            case "startRuntime" -> running ? NOT_IDLE_OR_RUNNING : NOT_MADE_HERE;
            default -> NOT_MADE_HERE;
        };
    }

    /** Every operator operation refuses every user key with 401, whatever it names. */
    private void operatorCells(Caller caller) {
        Workspace workspace = workspaces.get(0);
        for (ContractSpec.Operation operation : ContractSpec.get().operations()) {
            if (operation.operatorOnly()) {
                expect(caller, workspace, operatorCall(operation, workspace), UNAUTHENTICATED, 201);
            }
        }
    }

    private void userSurfaceRefusesTheOperatorToken() {
        Workspace workspace = workspaces.get(0);
        Runtime runtime = runtimes.get(1);
        Caller operator = new Caller("operator", null, "operator", target().operator(), null);
        for (ContractSpec.Operation operation : ContractSpec.get().operations()) {
            if (!operation.operatorOnly()) {
                Call call = operation.pathParameters().contains("runtime_id")
                        ? lifecycle(workspace, operation.id(), runtime.id())
                        : operation.hasBody() ? create(workspace, null) : workspace.call(operation.id());
                expect(operator, workspace, call, UNAUTHENTICATED, 200);
            }
        }
    }

    /** The owner of a runtime (and its key restricted to the runtime's workspace) may delete it. */
    private void ownersDeleteOnlyWhatIsTheirs() {
        for (Caller caller : callers) {
            for (Workspace workspace : workspaces) {
                if (access(caller, workspace) == null) {
                    JsonNode created = send(create(workspace, null).as(caller.key()))
                            .hasStatus(201)
                            .body();
                    String id = created.path("id").asText();
                    expect(caller, workspace, lifecycle(workspace, "deleteRuntime", id), null, 204);
                    expect(caller, workspace, lifecycle(workspace, "getRuntime", id), HIDDEN, 200);
                }
            }
        }
    }

    /** Sends the call as the caller and checks the answer: the refusal, or success without foreign data. */
    private void expect(Caller caller, Workspace workspace, Call call, Refusal refusal, int success) {
        cells++;
        call.as(caller.key());
        try {
            Outcome outcome = send(call);
            if (refusal != null) {
                outcome.isError(refusal.status(), refusal.type());
            } else {
                outcome.hasStatus(success);
                String body = outcome.body().toString();
                foreignIds(workspace).stream()
                        .filter(body::contains)
                        .findFirst()
                        .ifPresent(id -> failures.add(
                                caller.name() + ": " + call + " answered data of another workspace: " + id));
            }
        } catch (AssertionError e) {
            failures.add(caller.name() + " in " + workspace + ": "
                    + e.getMessage().lines().limit(3).collect(Collectors.joining(" ")));
        }
    }

    /** Ids and keys of runtimes and projects of every workspace but this one. */
    private Set<String> foreignIds(Workspace workspace) {
        return Stream.concat(
                        runtimes.stream()
                                .filter(r -> !r.workspace().equals(workspace))
                                .flatMap(r -> Stream.of(r.id(), r.key())),
                        workspaces.stream()
                                .filter(w -> !w.equals(workspace))
                                .flatMap(w -> Stream.of(w.defaultProjectId(), w.extraProjectId(), w.extraProjectKey())))
                .collect(Collectors.toSet());
    }

    private static Refusal access(Caller caller, Workspace workspace) {
        if (!workspace.org().equals(caller.org())) {
            return HIDDEN;
        }
        return caller.onlyWorkspace() != null && !caller.onlyWorkspace().equals(workspace.slug()) ? RESTRICTED : null;
    }

    private Outcome send(Call call) {
        return target().send(Channel.RAW, call);
    }

    private Call create(Workspace workspace, String project) {
        var body = object("key", Tenants.unique("rt"), "name", "Matrix runtime");
        if (project != null) {
            body.put("project", project);
        }
        return workspace.call("createRuntime").body(body);
    }

    private static Call lifecycle(Workspace workspace, String operationId, String runtimeId) {
        Call call = workspace.call(operationId).path("runtime_id", runtimeId);
        if (operationId.equals("updateRuntime")) {
            call.body(object("name", "Renamed by the matrix"));
        } else if (operationId.equals("keepaliveRuntime")) {
            call.body(object("extend_seconds", 600));
        } else if (operationId.equals("startRuntime")) {
            call.body(object());
        }
        return call;
    }

    private Call call(Runtime runtime, String operationId) {
        return lifecycle(runtime.workspace(), operationId, runtime.id());
    }

    /** A call of an operator operation with well-formed values that would succeed with the operator token. */
    private static Call operatorCall(ContractSpec.Operation operation, Workspace workspace) {
        Call call = Call.to(operation.id());
        for (String name : operation.pathParameters()) {
            call.path(
                    name,
                    switch (name) {
                        case "org" -> workspace.org();
                        case "workspace" -> workspace.slug();
                        default -> UUID.randomUUID().toString();
                    });
        }
        if (operation.hasBody()) {
            call.body(object("slug", Tenants.unique("m"), "key", Tenants.unique("m"), "name", Tenants.unique("m")));
        }
        return call;
    }

    private Optional<Caller> owner(Runtime runtime) {
        return callers.stream()
                .filter(c -> c.userId().equals(runtime.ownerId()) && c.onlyWorkspace() == null)
                .findFirst();
    }

    private void start(Runtime runtime) {
        Caller owner = owner(runtime).orElseThrow();
        send(call(runtime, "startRuntime").as(owner.key())).hasStatus(200);
    }

    /** An organization with two workspaces, an owner, a member and the owner's key restricted to the first workspace. */
    private void organization(String name) {
        Tenants tenants = tenants();
        String org = tenants.organization();
        Tenants.Member owner = tenants.member(org, "owner");
        Tenants.Member member = tenants.member(org, "member");
        List<Workspace> mine = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            mine.add(workspace(org));
        }
        JsonNode restricted = tenants.key(
                owner.userId(),
                object(
                        "name",
                        "restricted",
                        "org",
                        org,
                        "workspace",
                        mine.get(0).slug()));
        callers.add(new Caller("owner " + name, org, owner.userId(), owner.key(), null));
        callers.add(new Caller("member " + name, org, member.userId(), member.key(), null));
        callers.add(new Caller(
                "restricted key " + name + "1",
                org,
                owner.userId(),
                Credentials.bearer(restricted.path("token").asText()),
                mine.get(0).slug()));
        for (Workspace workspace : mine) {
            for (Tenants.Member user : List.of(owner, member)) {
                JsonNode runtime = send(create(workspace, null).as(user.key()))
                        .hasStatus(201)
                        .body();
                runtimes.add(new Runtime(
                        runtime.path("id").asText(), runtime.path("key").asText(), workspace, user.userId()));
            }
            cursors.put(
                    workspace,
                    send(workspace.call("listRuntimes").query("limit", 1).as(owner.key()))
                            .hasStatus(200)
                            .body()
                            .path("next_cursor")
                            .asText());
        }
        workspaces.addAll(mine);
    }

    private Workspace workspace(String org) {
        JsonNode workspace = send(Call.to("createWorkspace")
                        .path("org", org)
                        .body(object("slug", Tenants.unique("ws"), "name", "Matrix workspace"))
                        .as(target().operator()))
                .hasStatus(201)
                .body();
        String slug = workspace.path("slug").asText();
        String projectKey = Tenants.unique("pr");
        JsonNode project = send(Call.to("createProject")
                        .path("org", org)
                        .path("workspace", slug)
                        .body(object("key", projectKey, "name", "Matrix project"))
                        .as(target().operator()))
                .hasStatus(201)
                .body();
        return new Workspace(
                org,
                slug,
                workspace.path("default_project_id").asText(),
                project.path("id").asText(),
                projectKey);
    }
}
