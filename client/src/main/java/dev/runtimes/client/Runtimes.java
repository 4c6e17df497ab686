package dev.runtimes.client;

import dev.runtimes.client.api.RuntimesApi;
import dev.runtimes.client.model.CreateRuntimeRequest;
import dev.runtimes.client.model.KeepaliveRequest;
import dev.runtimes.client.model.OwnerFilter;
import dev.runtimes.client.model.Runtime;
import dev.runtimes.client.model.RuntimeListResponse;
import dev.runtimes.client.model.StartRuntimeRequest;
import dev.runtimes.client.model.StartedRuntime;
import dev.runtimes.client.model.UpdateRuntimeRequest;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The runtimes of one workspace; get it from {@link RuntimesClient#runtimes(String, String)}.
 * Thread-safe. Every method throws a {@link RuntimesException} when the call fails, after the
 * client's retries.
 *
 * <p>A runtime is named by its key or its id. Create, start, reset and delete carry an {@code
 * Idempotency-Key}, so they are retried like reads: the server runs each at most once and answers
 * a repeat with the first answer. Each call makes a key of its own; pass one to make a call
 * safe to repeat across processes too (e.g. a key stored with the job that sends it). Update,
 * pause, resume and keepalive are sent exactly once.
 */
public final class Runtimes {
    private final Transport transport;
    private final RuntimesApi api;
    private final String org;
    private final String workspace;
    private final Events events;

    Runtimes(Transport transport, RuntimesApi api, String org, String workspace, Events events) {
        this.transport = transport;
        this.api = api;
        this.org = org;
        this.workspace = workspace;
        this.events = events;
    }

    /** @return the events of this workspace's runtimes: paged, or followed as they happen */
    public Events events() {
        return events;
    }

    /**
     * Fetches one page of runtimes, newest first.
     *
     * @param params filters, page size and where to start
     * @return the page; {@link Page#nextPage()} and the auto-paging views fetch the ones after it
     */
    public Page<Runtime> list(ListRuntimesParams params) {
        // The client version header comes from RuntimesClient and the idempotency key from Transport,
        // on every request; the generated header parameters stay null.
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
    public Stream<Runtime> listAll(ListRuntimesParams params) {
        return list(params).autoPagingStream();
    }

    /**
     * Creates a runtime, or finds the identical one (same key, project and configuration).
     *
     * @param request key, name and optional project, labels and configuration
     * @return the runtime, idle when new
     * @throws AlreadyExistsException when the key exists with another project or configuration
     */
    public Runtime create(CreateRuntimeRequest request) {
        return create(request, newIdempotencyKey());
    }

    /**
     * {@link #create(CreateRuntimeRequest)} with an idempotency key of the caller's.
     *
     * @param request key, name and optional project, labels and configuration
     * @param idempotencyKey sent as {@code Idempotency-Key}
     * @return the runtime, idle when new
     */
    public Runtime create(CreateRuntimeRequest request, String idempotencyKey) {
        return transport.write(
                required(idempotencyKey),
                headers -> api.createRuntimeWithHttpInfo(org, workspace, request, null, null, headers));
    }

    /**
     * @param runtime the runtime's key or id
     * @return the runtime with its current sandbox
     * @throws NotFoundException when the workspace has no such runtime
     */
    public Runtime get(String runtime) {
        return transport.read(headers -> api.getRuntimeWithHttpInfo(org, workspace, runtime, null, null, headers));
    }

    /**
     * Changes the name, description or labels; sent once.
     *
     * @param runtime the runtime's key or id
     * @param request the fields to change; absent ones stay
     * @return the runtime as changed
     */
    public Runtime update(String runtime, UpdateRuntimeRequest request) {
        return transport.write(
                null, headers -> api.updateRuntimeWithHttpInfo(org, workspace, runtime, request, null, headers));
    }

    /**
     * Deletes the runtime and kills its sandbox.
     *
     * @param runtime the runtime's key or id
     */
    public void delete(String runtime) {
        delete(runtime, newIdempotencyKey());
    }

    /**
     * {@link #delete(String)} with an idempotency key of the caller's.
     *
     * @param runtime the runtime's key or id
     * @param idempotencyKey sent as {@code Idempotency-Key}
     */
    public void delete(String runtime, String idempotencyKey) {
        transport.write(
                required(idempotencyKey),
                headers -> api.deleteRuntimeWithHttpInfo(org, workspace, runtime, null, null, headers));
    }

    /**
     * Starts an idle runtime in a new sandbox, with the platform's runtime limit.
     *
     * @param runtime the runtime's key or id
     * @return the running runtime and its sandbox token, which is shown this once
     * @throws ConflictException when the runtime is not idle
     * @throws InsufficientCreditsException when the organization has no credits left
     */
    public StartedRuntime start(String runtime) {
        return start(runtime, new StartRuntimeRequest(), newIdempotencyKey());
    }

    /**
     * {@link #start(String)} with a requested runtime limit and an idempotency key of the caller's.
     *
     * @param runtime the runtime's key or id
     * @param request e.g. {@code requested_runtime_limit_seconds}
     * @param idempotencyKey sent as {@code Idempotency-Key}
     * @return the running runtime and its sandbox token, which is shown this once
     */
    public StartedRuntime start(String runtime, StartRuntimeRequest request, String idempotencyKey) {
        return transport.write(
                required(idempotencyKey),
                headers -> api.startRuntimeWithHttpInfo(org, workspace, runtime, null, null, request, headers));
    }

    /**
     * Pauses the running sandbox; sent once.
     *
     * @param runtime the runtime's key or id
     * @return the paused runtime
     */
    public Runtime pause(String runtime) {
        return transport.write(null, headers -> api.pauseRuntimeWithHttpInfo(org, workspace, runtime, null, headers));
    }

    /**
     * Resumes the paused sandbox; sent once.
     *
     * @param runtime the runtime's key or id
     * @return the running runtime
     */
    public Runtime resume(String runtime) {
        return transport.write(null, headers -> api.resumeRuntimeWithHttpInfo(org, workspace, runtime, null, headers));
    }

    /**
     * Kills the sandbox; the runtime becomes idle.
     *
     * @param runtime the runtime's key or id
     * @return the idle runtime
     */
    public Runtime reset(String runtime) {
        return reset(runtime, newIdempotencyKey());
    }

    /**
     * {@link #reset(String)} with an idempotency key of the caller's.
     *
     * @param runtime the runtime's key or id
     * @param idempotencyKey sent as {@code Idempotency-Key}
     * @return the idle runtime
     */
    public Runtime reset(String runtime, String idempotencyKey) {
        return transport.write(
                required(idempotencyKey),
                headers -> api.resetRuntimeWithHttpInfo(org, workspace, runtime, null, null, headers));
    }

    /**
     * Pushes the running sandbox's automatic pause further away; sent once.
     *
     * @param runtime the runtime's key or id
     * @param extendSeconds 60..3600
     * @return the new {@code expires_at}, capped by the runtime limit
     */
    public OffsetDateTime keepalive(String runtime, int extendSeconds) {
        return transport
                .write(
                        null,
                        headers -> api.keepaliveRuntimeWithHttpInfo(
                                org,
                                workspace,
                                runtime,
                                new KeepaliveRequest().extendSeconds(extendSeconds),
                                null,
                                headers))
                .getExpiresAt();
    }

    private static String newIdempotencyKey() {
        return UUID.randomUUID().toString();
    }

    private static String required(String idempotencyKey) {
        return Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }
}
