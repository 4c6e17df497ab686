package dev.runtimes.server.web.traits;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtimes.server.web.Operation;
import dev.runtimes.server.web.Stages;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Conditional reads: a {@code 200} answer of an operation with {@code x-etag} ({@link Operation#entityTagged}) gets an
 * {@code ETag} computed from its exact body, and becomes {@code 304} without a body when the
 * request's {@code If-None-Match} names that tag.
 */
public class ConditionalReadFilter {
    static final String IF_NONE_MATCH = "If-None-Match";

    /**
     * Each worker thread's buffer for the bodies it tags. {@code writeValueAsBytes} grows a buffer a
     * segment at a time and then copies the segments into the body: for a 30 KB page, 60 KB of
     * garbage per request instead of the body alone.
     */
    private static final ThreadLocal<BodyBuffer> BUFFERS = ThreadLocal.withInitial(BodyBuffer::new);
    /**
     * A buffer's size, which holds a page of 50 runtimes; an answer that outgrows it takes its grown
     * buffer with it, so a thread never keeps more than this.
     */
    private static final int BUFFER_SIZE = 64 * 1024;

    private final ObjectMapper mapper;

    ConditionalReadFilter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @ServerResponseFilter(priority = Stages.CONDITIONAL_READ)
    public void tag(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource)
            throws IOException {
        if (response.getStatus() != 200
                || !Operation.of(resource).map(Operation::entityTagged).orElse(false)) {
            return;
        }
        // The bytes that are tagged are the bytes that are sent.
        BodyBuffer buffer = BUFFERS.get();
        buffer.reset();
        mapper.writeValue(buffer, response.getEntity());
        String tag = EntityTags.of(buffer.bytes(), buffer.size());
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        if (EntityTags.noneMatchNames(request.getHeaderString(IF_NONE_MATCH), tag)) {
            response.setStatus(304);
            response.setEntity(null);
        } else {
            response.setEntity(buffer.toByteArray(), response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
        }
        if (buffer.size() > BUFFER_SIZE) {
            BUFFERS.remove();
        }
    }

    /** A byte array stream whose bytes can be read in place. */
    private static final class BodyBuffer extends ByteArrayOutputStream {
        BodyBuffer() {
            super(BUFFER_SIZE);
        }

        byte[] bytes() {
            return buf;
        }
    }
}
