package dev.runtimes.server.web.traits;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtimes.server.service.IdempotencyService;
import dev.runtimes.server.web.Operation;
import dev.runtimes.server.web.Stages;
import dev.runtimes.server.web.conformance.Request;
import dev.runtimes.server.web.pipeline.CallerContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code Idempotency-Key} on the operations that take one ({@link Operation#takesIdempotencyKey}): the first request with a
 * key runs and its answer is kept; the same key with the same request gets that answer again,
 * with another request 422, while the first still runs 409 ({@link IdempotencyService}). A 5xx or
 * 429 answer is not kept: sending the key again runs the request again.
 */
public class IdempotencyFilter {
    public static final String HEADER = "Idempotency-Key";

    /** The spec's {@code IdempotencyKey} parameter, whose bounds hold on every operation that takes a key. */
    private static final Request.Parameter KEY = Operation.header(HEADER);

    private final IdempotencyService idempotency;
    private final CallerContext callerContext;
    private final PendingIdempotency pending;
    private final ObjectMapper mapper;

    IdempotencyFilter(
            IdempotencyService idempotency,
            CallerContext callerContext,
            PendingIdempotency pending,
            ObjectMapper mapper) {
        this.idempotency = idempotency;
        this.callerContext = callerContext;
        this.pending = pending;
        this.mapper = mapper;
    }

    /**
     * Only a key within the parameter's bounds is taken; validation refuses another with 422 where
     * the operation declares the parameter. Returns the replayed answer, or {@code null} to run the
     * request.
     */
    @ServerRequestFilter(priority = Stages.IDEMPOTENCY_BEGIN, readBody = true)
    public Response begin(ContainerRequestContext request, ResourceInfo resource) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !takesKey(resource) || !KEY.admits(key)) {
            return null;
        }
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        IdempotencyService.Start start = idempotency.begin(
                callerContext.caller().apiKeyId(),
                key,
                fingerprint(
                        request.getMethod(),
                        request.getUriInfo().getRequestUri().getRawPath(),
                        body));
        if (start instanceof IdempotencyService.Replay replay) {
            Response.ResponseBuilder answer = Response.status(replay.status());
            if (replay.body() != null) {
                answer.entity(replay.body().getBytes(StandardCharsets.UTF_8)).type(MediaType.APPLICATION_JSON_TYPE);
            }
            return answer.build();
        }
        pending.set(((IdempotencyService.Run) start).recordId());
        return null;
    }

    @ServerResponseFilter(priority = Stages.IDEMPOTENCY_COMPLETE)
    public void complete(ContainerResponseContext response, ResourceInfo resource) throws JsonProcessingException {
        if (!takesKey(resource) || pending.get().isEmpty()) {
            return;
        }
        int status = response.getStatus();
        if (status >= 500 || status == 429) {
            idempotency.release(pending.get().get());
        } else {
            String body = response.hasEntity() ? mapper.writeValueAsString(response.getEntity()) : null;
            idempotency.complete(pending.get().get(), status, body);
        }
    }

    private static boolean takesKey(ResourceInfo resource) {
        return Operation.of(resource).map(Operation::takesIdempotencyKey).orElse(false);
    }

    /** The same request: the same method, path and body bytes. */
    static String fingerprint(String method, String rawPath, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + rawPath + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
