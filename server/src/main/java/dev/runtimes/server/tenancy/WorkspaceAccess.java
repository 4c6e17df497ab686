package dev.runtimes.server.tenancy;

import dev.runtimes.server.domain.Workspace;
import dev.runtimes.server.service.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;

/** Finds the workspace a request names, as far as the caller may know about it. */
@ApplicationScoped
public class WorkspaceAccess {

    /**
     * The workspace, when it exists and the caller is a member of its organization; otherwise the
     * same 404 whether it is missing or hidden, so nothing leaks. A key restricted elsewhere gets
     * 403. One query.
     */
    public Workspace resolve(Caller caller, String orgSlug, String workspaceSlug) {
        Object[] found = Workspace.getEntityManager()
                .createQuery(
                        "select w, (select count(m) from Membership m"
                                + " where m.organizationId = o.id and m.userId = :user)"
                                + " from Workspace w, Organization o"
                                + " where o.id = w.organizationId and o.slug = :org and w.slug = :ws",
                        Object[].class)
                .setParameter("user", caller.userId())
                .setParameter("org", orgSlug)
                .setParameter("ws", workspaceSlug)
                .getResultStream()
                .findFirst()
                .filter(row -> ((Long) row[1]) > 0)
                .orElseThrow(() ->
                        ServiceException.notFound("Workspace '" + orgSlug + "/" + workspaceSlug + "' was not found."));
        Workspace workspace = (Workspace) found[0];
        boolean outsideScope = (caller.organizationId() != null
                        && !caller.organizationId().equals(workspace.organizationId))
                || (caller.workspaceId() != null && !caller.workspaceId().equals(workspace.id));
        if (outsideScope) {
            throw ServiceException.forbidden(
                    "This API key may not act in workspace '" + orgSlug + "/" + workspaceSlug + "'.");
        }
        return workspace;
    }
}
