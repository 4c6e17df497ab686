package dev.runtimes.server.tenancy;

import dev.runtimes.server.error.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;

/** Decides whether the caller may act in the workspace the request names. */
@ApplicationScoped
public class WorkspaceAccess {
    /**
     * The workspace, when it exists and the caller is a member of its organization; otherwise
     * the same 404 whether it is missing or hidden, so nothing leaks. A key restricted elsewhere
     * gets 403. No query: the workspace was read with the caller's key.
     */
    public AccessibleWorkspace resolve(Caller caller) {
        NamedWorkspace named = caller.namedWorkspace();
        AccessibleWorkspace workspace = named.visible();
        if (workspace == null) {
            throw ServiceException.notFound("Workspace '" + named.name() + "' was not found.");
        }
        boolean outsideScope = (caller.organizationId() != null
                        && !caller.organizationId().equals(workspace.organizationId()))
                || (caller.workspaceId() != null && !caller.workspaceId().equals(workspace.id()));
        if (outsideScope) {
            throw ServiceException.forbidden("This API key may not act in workspace '" + named.name() + "'.");
        }
        return workspace;
    }
}
