package dev.runtimes.server.web.resource;

import dev.runtimes.server.api.RuntimesApi;
import dev.runtimes.server.api.model.CreateRuntimeRequest;
import dev.runtimes.server.api.model.KeepaliveRequest;
import dev.runtimes.server.api.model.KeepaliveResponse;
import dev.runtimes.server.api.model.OwnerFilter;
import dev.runtimes.server.api.model.Runtime;
import dev.runtimes.server.api.model.RuntimeListResponse;
import dev.runtimes.server.api.model.RuntimeStatus;
import dev.runtimes.server.api.model.StartRuntimeRequest;
import dev.runtimes.server.api.model.StartedRuntime;
import dev.runtimes.server.api.model.UpdateRuntimeRequest;
import dev.runtimes.server.domain.LabelFilter;
import dev.runtimes.server.service.LifecycleService;
import dev.runtimes.server.service.ListRequest;
import dev.runtimes.server.service.RuntimeListService;
import dev.runtimes.server.service.RuntimeRef;
import dev.runtimes.server.service.RuntimeService;
import dev.runtimes.server.tenancy.Caller;
import dev.runtimes.server.web.conformance.SentMembers;
import dev.runtimes.server.web.json.UtcDateTimes;
import dev.runtimes.server.web.pipeline.CallerContext;
import dev.runtimes.server.web.traits.ChosenStatus;
import java.util.List;
import java.util.UUID;

/**
 * HTTP side of the runtimes operations: reads the request, calls a service, maps the answer. The
 * request headers that are not about one operation ({@code X-Runtimes-Client-Version},
 * {@code If-None-Match}, {@code Idempotency-Key}) are handled by filters around the call.
 */
public class RuntimesResource implements RuntimesApi {
    private final RuntimeListService listService;
    private final RuntimeService runtimes;
    private final LifecycleService lifecycle;
    private final RuntimeMapper mapper;
    private final CallerContext callerContext;
    private final ChosenStatus status;
    private final SentMembers sent;

    RuntimesResource(
            RuntimeListService listService,
            RuntimeService runtimes,
            LifecycleService lifecycle,
            RuntimeMapper mapper,
            CallerContext callerContext,
            ChosenStatus status,
            SentMembers sent) {
        this.listService = listService;
        this.runtimes = runtimes;
        this.lifecycle = lifecycle;
        this.mapper = mapper;
        this.callerContext = callerContext;
        this.status = status;
        this.sent = sent;
    }

    @Override
    public RuntimeListResponse listRuntimes(
            String org,
            String workspace,
            String clientVersion,
            String ifNoneMatch,
            List<RuntimeStatus> state,
            UUID projectId,
            OwnerFilter owner,
            List<String> label,
            Integer limit,
            String cursor) {
        ListRequest request = new ListRequest(
                state == null
                        ? List.of()
                        : state.stream().map(RuntimeRequests::state).toList(),
                projectId,
                owner == OwnerFilter.ME,
                label == null
                        ? List.of()
                        : label.stream().map(LabelFilter::parse).toList(),
                limit,
                cursor);
        return mapper.toListResponse(listService.list(caller(), request));
    }

    @Override
    public Runtime createRuntime(
            String org, String workspace, CreateRuntimeRequest request, String clientVersion, String idempotencyKey) {
        RuntimeService.Ensured ensured = runtimes.ensure(caller(), org, workspace, RuntimeRequests.newRuntime(request));
        if (ensured.created()) {
            status.set(201);
        }
        return mapper.toRuntime(ensured.view());
    }

    @Override
    public Runtime getRuntime(
            String org, String workspace, String runtimeId, String clientVersion, String ifNoneMatch) {
        return mapper.toRuntime(runtimes.get(caller(), new RuntimeRef(org, workspace, runtimeId)));
    }

    @Override
    public Runtime updateRuntime(
            String org, String workspace, String runtimeId, UpdateRuntimeRequest request, String clientVersion) {
        return mapper.toRuntime(runtimes.update(
                caller(), new RuntimeRef(org, workspace, runtimeId), RuntimeRequests.changes(request, sent)));
    }

    @Override
    public void deleteRuntime(
            String org, String workspace, String runtimeId, String clientVersion, String idempotencyKey) {
        lifecycle.delete(caller(), new RuntimeRef(org, workspace, runtimeId));
    }

    @Override
    public StartedRuntime startRuntime(
            String org,
            String workspace,
            String runtimeId,
            String clientVersion,
            String idempotencyKey,
            StartRuntimeRequest request) {
        LifecycleService.Started started = lifecycle.start(
                caller(),
                new RuntimeRef(org, workspace, runtimeId),
                request == null ? null : request.getRequestedRuntimeLimitSeconds());
        return new StartedRuntime().runtime(mapper.toRuntime(started.view())).sandboxToken(started.sandboxToken());
    }

    @Override
    public Runtime pauseRuntime(String org, String workspace, String runtimeId, String clientVersion) {
        return mapper.toRuntime(lifecycle.pause(caller(), new RuntimeRef(org, workspace, runtimeId)));
    }

    @Override
    public Runtime resumeRuntime(String org, String workspace, String runtimeId, String clientVersion) {
        return mapper.toRuntime(lifecycle.resume(caller(), new RuntimeRef(org, workspace, runtimeId)));
    }

    @Override
    public Runtime resetRuntime(
            String org, String workspace, String runtimeId, String clientVersion, String idempotencyKey) {
        return mapper.toRuntime(lifecycle.reset(caller(), new RuntimeRef(org, workspace, runtimeId)));
    }

    @Override
    public KeepaliveResponse keepaliveRuntime(
            String org, String workspace, String runtimeId, KeepaliveRequest request, String clientVersion) {
        return new KeepaliveResponse()
                .expiresAt(UtcDateTimes.of(lifecycle.keepalive(
                        caller(), new RuntimeRef(org, workspace, runtimeId), request.getExtendSeconds())));
    }

    private Caller caller() {
        return callerContext.caller();
    }
}
