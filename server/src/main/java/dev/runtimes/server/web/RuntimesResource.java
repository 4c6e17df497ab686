package dev.runtimes.server.web;

import dev.runtimes.server.api.RuntimesApi;
import dev.runtimes.server.api.model.OwnerFilter;
import dev.runtimes.server.api.model.RuntimeListResponse;
import dev.runtimes.server.api.model.RuntimeStatus;
import dev.runtimes.server.service.ListRequest;
import dev.runtimes.server.service.RuntimeListService;
import java.util.List;
import java.util.UUID;

/** HTTP side of the runtimes operations: reads the request, calls a service, maps the answer. */
public class RuntimesResource implements RuntimesApi {
    private final RuntimeListService listService;
    private final RuntimeMapper mapper;
    private final CallerContext callerContext;

    RuntimesResource(RuntimeListService listService, RuntimeMapper mapper, CallerContext callerContext) {
        this.listService = listService;
        this.mapper = mapper;
        this.callerContext = callerContext;
    }

    @Override
    public RuntimeListResponse listRuntimes(
            String org,
            String workspace,
            List<RuntimeStatus> state,
            UUID projectId,
            OwnerFilter owner,
            List<String> label,
            Integer limit,
            String cursor) {
        ListRequest request = new ListRequest(
                state == null
                        ? List.of()
                        : state.stream().map(RuntimeStatus::toString).toList(),
                projectId,
                owner == OwnerFilter.ME,
                label == null ? List.of() : label,
                limit,
                cursor);
        return mapper.toListResponse(listService.list(callerContext.caller(), org, workspace, request));
    }
}
