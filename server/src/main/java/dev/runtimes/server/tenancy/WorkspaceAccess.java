package dev.runtimes.server.tenancy;

import dev.runtimes.server.domain.Membership;
import dev.runtimes.server.domain.Organization;
import dev.runtimes.server.domain.Workspace;
import dev.runtimes.server.service.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Finds the workspace a request names, as far as the caller may know about it. */
@ApplicationScoped
public class WorkspaceAccess {

    /**
     * The workspace, when it exists and the caller is a member of its organization; otherwise the
     * same 404 whether it is missing or hidden, so nothing leaks. A key restricted elsewhere gets 403.
     */
    public Workspace resolve(Caller caller, String orgSlug, String workspaceSlug) {
        ServiceException notFound =
                ServiceException.notFound("Workspace '" + orgSlug + "/" + workspaceSlug + "' was not found.");
        Organization org = Organization.findBySlug(orgSlug)
                .filter(o -> Membership.find(o.id, caller.userId()).isPresent())
                .orElseThrow(() -> notFound);
        Workspace workspace = Workspace.findBySlug(org.id, workspaceSlug).orElseThrow(() -> notFound);
        boolean outsideScope = Optional.ofNullable(caller.organizationId())
                        .filter(id -> !id.equals(org.id))
                        .isPresent()
                || Optional.ofNullable(caller.workspaceId())
                        .filter(id -> !id.equals(workspace.id))
                        .isPresent();
        if (outsideScope) {
            throw ServiceException.forbidden(
                    "This API key may not act in workspace '" + orgSlug + "/" + workspaceSlug + "'.");
        }
        return workspace;
    }
}
