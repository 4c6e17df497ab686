package dev.runtimes.server.service;

import dev.runtimes.server.domain.CursorCodec;
import dev.runtimes.server.domain.Keyset;
import dev.runtimes.server.domain.RuntimeFilter;
import dev.runtimes.server.domain.RuntimePageQuery;
import dev.runtimes.server.domain.RuntimeRow;
import dev.runtimes.server.error.ServiceException;
import dev.runtimes.server.tenancy.AccessibleWorkspace;
import dev.runtimes.server.tenancy.Caller;
import dev.runtimes.server.tenancy.WorkspaceAccess;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

/** Lists the runtimes of a workspace a page at a time. */
@ApplicationScoped
public class RuntimeListService {
    private final WorkspaceAccess workspaces;
    private final RuntimePageQuery query;
    private final CursorKeys cursorKeys;
    private final Clock clock;

    RuntimeListService(WorkspaceAccess workspaces, RuntimePageQuery query, CursorKeys cursorKeys, Clock clock) {
        this.workspaces = workspaces;
        this.query = query;
        this.cursorKeys = cursorKeys;
        this.clock = clock;
    }

    /** One read and no transaction: the workspace came with the caller's key. */
    public RuntimePage list(Caller caller, ListRequest request) {
        AccessibleWorkspace workspace = workspaces.resolve(caller);
        RuntimeFilter filter = RuntimeFilter.of(
                request.statuses(),
                request.projectId(),
                request.ownedByMe() ? caller.userId() : null,
                request.labels());
        CursorCodec codec = cursorKeys.codec();
        Keyset after = request.cursor() == null
                ? null
                : codec.decode(request.cursor(), workspace.id(), filter)
                        .orElseThrow(() -> ServiceException.invalidQueryParameter(
                                "cursor",
                                "The cursor is not valid for this list; start again without a cursor.",
                                "invalid_cursor"));
        // One row more than asked tells whether a next page exists, so next_cursor never leads nowhere.
        List<RuntimeRow> rows = query.page(workspace.id(), filter, after, request.limit() + 1);
        String nextCursor = null;
        if (rows.size() > request.limit()) {
            rows = rows.subList(0, request.limit());
            nextCursor = codec.encode(rows.get(rows.size() - 1).keyset(), workspace.id(), filter);
        }
        return new RuntimePage(rows, nextCursor, caller.userId(), clock.instant());
    }
}
