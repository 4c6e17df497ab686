package dev.runtimes.server.service;

import dev.runtimes.server.domain.AppUser;
import dev.runtimes.server.domain.Runtime;
import dev.runtimes.server.domain.Runtimes;
import dev.runtimes.server.domain.Users;
import dev.runtimes.server.error.ServiceException;
import dev.runtimes.server.tenancy.AccessibleWorkspace;
import dev.runtimes.server.tenancy.Caller;
import dev.runtimes.server.tenancy.WorkspaceAccess;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Finds the runtime a request names, as far as the caller may see it, and tells whether the
 * caller may change it. Reads are for every member of the workspace; changes are for the owner.
 */
@ApplicationScoped
public class RuntimeLookup {
    private final WorkspaceAccess workspaces;
    private final Runtimes runtimes;
    private final Users users;

    RuntimeLookup(WorkspaceAccess workspaces, Runtimes runtimes, Users users) {
        this.workspaces = workspaces;
        this.runtimes = runtimes;
        this.users = users;
    }

    public record Found(AccessibleWorkspace workspace, Runtime runtime) {}

    /**
     * The runtime, in the caller's transaction, locked until it ends when {@code forUpdate} says so;
     * a 404 when there is none the caller may see.
     */
    public Found find(Caller caller, RuntimeRef ref, boolean forUpdate) {
        AccessibleWorkspace workspace = workspaces.resolve(caller);
        Runtime runtime =
                runtimes.inWorkspace(workspace.id(), ref.runtime(), forUpdate).orElseThrow(() -> notFound(ref));
        return new Found(workspace, runtime);
    }

    /** The runtime, locked for update, when the caller owns it; a 403 otherwise. */
    public Found findOwned(Caller caller, RuntimeRef ref) {
        Found found = find(caller, ref, true);
        Runtime runtime = found.runtime();
        if (!runtime.ownerId.equals(caller.userId())) {
            String owner = users.byId(runtime.ownerId).map(AppUser::name).orElse("another user");
            throw ServiceException.forbidden(
                    "Only the owner of runtime '" + runtime.key + "' (" + owner + ") may change it.");
        }
        return found;
    }

    static ServiceException notFound(RuntimeRef ref) {
        return ServiceException.notFound("Runtime '" + ref.runtime() + "' was not found in workspace '" + ref.org()
                + "/" + ref.workspace() + "'.");
    }
}
