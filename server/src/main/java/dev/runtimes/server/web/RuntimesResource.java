package dev.runtimes.server.web;

import dev.runtimes.server.api.RuntimesApi;
import dev.runtimes.server.api.model.OwnerFilter;
import dev.runtimes.server.api.model.RuntimeListResponse;
import dev.runtimes.server.api.model.RuntimeStatus;
import java.util.List;
import java.util.UUID;

/**
 * Placeholder implementation of the generated {@link RuntimesApi}: always an empty last page.
 * JAX-RS and validation annotations are inherited from the interface. To be replaced by the real
 * resource that calls the service layer.
 */
public class RuntimesResource implements RuntimesApi {

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
        return RuntimeListResponse.builder().items(List.of()).nextCursor(null).build();
    }
}
