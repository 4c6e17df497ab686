package dev.runtimes.server.web.traits;

import dev.runtimes.server.web.Operation;
import dev.runtimes.server.web.Stages;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives a successful answer the status its operation documents (e.g. {@code 201} for a create),
 * or the one its resource chose where the operation documents several.
 */
public class SuccessStatusFilter {
    private final ChosenStatus chosen;

    SuccessStatusFilter(ChosenStatus chosen) {
        this.chosen = chosen;
    }

    @ServerResponseFilter(priority = Stages.SUCCESS_STATUS)
    public void applyDocumentedStatus(ContainerResponseContext response, ResourceInfo resource) {
        if (response.getStatus() == 200) {
            chosen.get().or(() -> documented(resource)).ifPresent(response::setStatus);
        }
    }

    private static Optional<Integer> documented(ResourceInfo resource) {
        return Operation.of(resource)
                .map(Operation::successStatuses)
                .filter(statuses -> statuses.length == 1)
                .map(statuses -> statuses[0]);
    }
}
