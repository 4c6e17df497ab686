package dev.runtimes.server.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Conditional reads: a successful {@code listRuntimes} or {@code getRuntime} answer gets an
 * {@code ETag} computed from its exact body, and becomes {@code 304} without a body when the
 * request's {@code If-None-Match} names that tag.
 */
public class ConditionalReadFilter {
    static final String IF_NONE_MATCH = "If-None-Match";

    /** The operations (by operationId) whose answers carry an ETag. */
    private static final Set<String> TAGGED = Set.of("listRuntimes", "getRuntime");

    private final ObjectMapper mapper;

    ConditionalReadFilter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource)
            throws JsonProcessingException {
        if (response.getStatus() != 200
                || resource == null
                || resource.getResourceMethod() == null
                || !TAGGED.contains(resource.getResourceMethod().getName())) {
            return;
        }
        // The bytes that are tagged are the bytes that are sent.
        byte[] body = mapper.writeValueAsBytes(response.getEntity());
        String tag = EntityTags.of(body);
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        if (EntityTags.noneMatchNames(request.getHeaderString(IF_NONE_MATCH), tag)) {
            response.setStatus(304);
            response.setEntity(null);
        } else {
            response.setEntity(body, response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
        }
    }
}
