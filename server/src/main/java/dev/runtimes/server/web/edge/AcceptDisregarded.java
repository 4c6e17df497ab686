package dev.runtimes.server.web.edge;

import dev.runtimes.server.web.Stages;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every answer of the API is JSON, whatever the request's {@code Accept} says: RFC 9110
 * §12.5.1 lets a server disregard it, and a {@code 406} could only be written in JSON too,
 * telling a client that asked for HTML or XML nothing it can read. The spec says so under
 * "Media types".
 */
public class AcceptDisregarded {
    @ServerRequestFilter(preMatching = true, priority = Stages.ACCEPT_DISREGARDED)
    public void disregardAccept(ContainerRequestContext request) {
        request.getHeaders().remove(HttpHeaders.ACCEPT);
    }
}
