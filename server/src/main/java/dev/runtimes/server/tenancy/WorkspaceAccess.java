package dev.runtimes.server.tenancy;

import dev.runtimes.server.domain.Rows;
import dev.runtimes.server.service.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Finds the workspace a request names, as far as the caller may know about it. */
@ApplicationScoped
public class WorkspaceAccess {
    private static final String FIND_WORKSPACE = """
            select w.id, w.organization_id,
                   exists (select 1 from memberships m where m.organization_id = o.id and m.user_id = ?)
              from workspaces w
              join organizations o on o.id = w.organization_id
             where o.slug = ? and w.slug = ?
            """;

    private record Found(AccessibleWorkspace workspace, boolean member) {}

    private final Rows rows;

    WorkspaceAccess(Rows rows) {
        this.rows = rows;
    }

    /**
     * The workspace, when it exists and the caller is a member of its organization; otherwise
     * the same 404 whether it is missing or hidden, so nothing leaks. A key restricted elsewhere
     * gets 403. One query.
     */
    public AccessibleWorkspace resolve(Caller caller, String orgSlug, String workspaceSlug) {
        AccessibleWorkspace workspace = rows.first(
                        FIND_WORKSPACE,
                        rs -> new Found(
                                new AccessibleWorkspace(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)),
                                rs.getBoolean(3)),
                        caller.userId(),
                        orgSlug,
                        workspaceSlug)
                .filter(Found::member)
                .map(Found::workspace)
                .orElseThrow(() ->
                        ServiceException.notFound("Workspace '" + orgSlug + "/" + workspaceSlug + "' was not found."));
        boolean outsideScope = (caller.organizationId() != null
                        && !caller.organizationId().equals(workspace.organizationId()))
                || (caller.workspaceId() != null && !caller.workspaceId().equals(workspace.id()));
        if (outsideScope) {
            throw ServiceException.forbidden(
                    "This API key may not act in workspace '" + orgSlug + "/" + workspaceSlug + "'.");
        }
        return workspace;
    }
}
