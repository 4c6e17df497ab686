package dev.runtimes.server.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.runtimes.server.domain.DatabaseException;
import dev.runtimes.server.domain.Project;
import dev.runtimes.server.domain.Projects;
import dev.runtimes.server.domain.Runtime;
import dev.runtimes.server.domain.Runtimes;
import dev.runtimes.server.domain.Uuids;
import dev.runtimes.server.error.FieldProblem;
import dev.runtimes.server.error.ServiceException;
import dev.runtimes.server.events.EventLog;
import dev.runtimes.server.events.EventType;
import dev.runtimes.server.tenancy.AccessibleWorkspace;
import dev.runtimes.server.tenancy.Caller;
import dev.runtimes.server.tenancy.WorkspaceAccess;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Runtimes as records: ensure by key, read, rename and relabel. */
@ApplicationScoped
public class RuntimeService {
    private static final JsonMapper LABELS_JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final WorkspaceAccess workspaces;
    private final RuntimeLookup lookup;
    private final Runtimes runtimes;
    private final Projects projects;
    private final RuntimeViews views;
    private final EventLog events;
    private final Clock clock;

    RuntimeService(
            WorkspaceAccess workspaces,
            RuntimeLookup lookup,
            Runtimes runtimes,
            Projects projects,
            RuntimeViews views,
            EventLog events,
            Clock clock) {
        this.workspaces = workspaces;
        this.lookup = lookup;
        this.runtimes = runtimes;
        this.projects = projects;
        this.views = views;
        this.events = events;
        this.clock = clock;
    }

    /** The runtime with the key, and whether this call created it. */
    public record Ensured(RuntimeView view, boolean created) {}

    /** Changes to a runtime; {@code null} leaves a field as it is, an empty description removes it. */
    public record RuntimeChanges(String name, String description, Map<String, String> labels) {}

    private record Outcome(UUID workspaceId, UUID runtimeId, boolean created) {}

    /**
     * Creates the runtime when its key is new in the workspace; returns the existing one when it
     * has the same project and configuration; refuses with 409 otherwise.
     */
    public Ensured ensure(Caller caller, String org, String workspace, NewRuntime spec) {
        Outcome outcome;
        try {
            outcome = QuarkusTransaction.requiringNew().call(() -> ensureOnce(caller, org, workspace, spec));
        } catch (DatabaseException keyTakenMeanwhile) {
            // A concurrent call created the key between our lookup and our insert; it is there now.
            outcome = QuarkusTransaction.requiringNew().call(() -> ensureOnce(caller, org, workspace, spec));
        }
        RuntimeRef ref = new RuntimeRef(org, workspace, spec.key());
        return new Ensured(
                views.view(caller.userId(), outcome.workspaceId(), outcome.runtimeId(), ref), outcome.created());
    }

    @Transactional
    public RuntimeView get(Caller caller, RuntimeRef ref) {
        RuntimeLookup.Found found = lookup.find(caller, ref, false);
        return views.view(caller.userId(), found.workspace().id(), found.runtime().id, ref);
    }

    public RuntimeView update(Caller caller, RuntimeRef ref, RuntimeChanges changes) {
        Outcome outcome = QuarkusTransaction.requiringNew().call(() -> {
            RuntimeLookup.Found found = lookup.findOwned(caller, ref);
            Runtime runtime = found.runtime();
            if (changes.name() != null) {
                runtime.name = changes.name();
            }
            if (changes.description() != null) {
                runtime.description = changes.description().isEmpty() ? null : changes.description();
            }
            if (changes.labels() != null) {
                runtime.labelsJson = labelsJson(changes.labels());
                runtimes.relabel(runtime, changes.labels());
            }
            runtime.updatedAt = clock.instant();
            runtimes.update(runtime);
            events.record(EventType.RUNTIME_UPDATED, runtime, caller.userName(), runtime.updatedAt);
            return new Outcome(found.workspace().id(), runtime.id, false);
        });
        return views.view(caller.userId(), outcome.workspaceId(), outcome.runtimeId(), ref);
    }

    private Outcome ensureOnce(Caller caller, String org, String workspaceSlug, NewRuntime spec) {
        AccessibleWorkspace workspace = workspaces.resolve(caller);
        Project project = project(workspace, org, workspaceSlug, spec.project());
        String digest = spec.config().digest();
        Optional<Runtime> existing = runtimes.byKey(workspace.id(), spec.key());
        if (existing.isPresent()) {
            Runtime runtime = existing.get();
            String where =
                    "Runtime '" + spec.key() + "' already exists in workspace '" + org + "/" + workspaceSlug + "'";
            if (!runtime.projectId.equals(project.id())) {
                throw ServiceException.alreadyExists(where + " in another project.");
            }
            if (!runtime.configDigest.equals(digest)) {
                throw ServiceException.alreadyExists(
                        where + " with another configuration (" + runtime.configDigest + ").");
            }
            return new Outcome(workspace.id(), runtime.id, false);
        }
        Instant now = clock.instant();
        Runtime runtime = new Runtime();
        runtime.id = UUID.randomUUID();
        runtime.workspaceId = workspace.id();
        runtime.projectId = project.id();
        runtime.key = spec.key();
        runtime.name = spec.name();
        runtime.description = spec.description() == null || spec.description().isEmpty() ? null : spec.description();
        runtime.ownerId = caller.userId();
        runtime.status = Runtime.IDLE;
        runtime.createdAt = now;
        runtime.updatedAt = now;
        Map<String, String> labels = spec.labels() == null ? Map.of() : spec.labels();
        runtime.labelsJson = labelsJson(labels);
        runtime.config = spec.config().canonicalJson();
        runtime.configDigest = digest;
        runtime.configVersion = spec.config().version();
        runtimes.insert(runtime, labels);
        events.record(EventType.RUNTIME_CREATED, runtime, caller.userName(), now);
        return new Outcome(workspace.id(), runtime.id, true);
    }

    /** The project a create names by key or id, or the default project; a 422 when there is none. */
    private Project project(AccessibleWorkspace workspace, String org, String workspaceSlug, String keyOrId) {
        if (keyOrId == null) {
            return projects.defaultOf(workspace.id()).orElseThrow();
        }
        Optional<Project> byId = Uuids.parse(keyOrId)
                .flatMap(projects::byId)
                .filter(p -> p.workspaceId().equals(workspace.id()));
        return byId.or(() -> projects.byKey(workspace.id(), keyOrId))
                .orElseThrow(() -> ServiceException.invalid(List.of(new FieldProblem(
                        List.of("body", "project"),
                        "no project '" + keyOrId + "' in workspace '" + org + "/" + workspaceSlug + "'",
                        "invalid_value"))));
    }

    private static String labelsJson(Map<String, String> labels) {
        try {
            return LABELS_JSON.writeValueAsString(labels);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }
}
