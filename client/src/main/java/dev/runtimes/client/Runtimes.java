package dev.runtimes.client;

import dev.runtimes.client.api.RuntimesApi;
import dev.runtimes.client.model.OwnerFilter;
import dev.runtimes.client.model.RuntimeListItem;
import dev.runtimes.client.model.RuntimeListResponse;
import java.util.stream.Stream;

/**
 * The runtimes of one workspace; get it from {@link RuntimesClient#runtimes(String, String)}.
 * Thread-safe. Every method throws a {@link RuntimesException} when the call fails, after the
 * client's retries.
 */
public final class Runtimes {
    private final Transport transport;
    private final RuntimesApi api;
    private final String org;
    private final String workspace;

    Runtimes(Transport transport, RuntimesApi api, String org, String workspace) {
        this.transport = transport;
        this.api = api;
        this.org = org;
        this.workspace = workspace;
    }

    /**
     * Fetches one page of runtimes, newest first.
     *
     * @param params filters, page size and where to start
     * @return the page; {@link Page#nextPage()} and the auto-paging views fetch the ones after it
     */
    public Page<RuntimeListItem> list(ListRuntimesParams params) {
        RuntimeListResponse page = transport.read(headers -> api.listRuntimesWithHttpInfo(
                org,
                workspace,
                null, // X-Runtimes-Client-Version: RuntimesClient adds it to every request
                null, // If-None-Match
                params.states(),
                params.projectId(),
                params.ownedByMe() ? OwnerFilter.ME : null,
                params.labels(),
                params.limit(),
                params.cursor(),
                headers));
        return new Page<>(page.getItems(), page.getNextCursor(), cursor -> list(params.at(cursor)));
    }

    /**
     * Every runtime that matches, across all pages, newest first. The first page is fetched
     * before this method returns, so a wrong token or workspace fails here; the others are
     * fetched as the stream reaches them.
     *
     * @param params filters, page size and where to start
     * @return the runtimes, lazily paged
     */
    public Stream<RuntimeListItem> listAll(ListRuntimesParams params) {
        return list(params).autoPagingStream();
    }
}
