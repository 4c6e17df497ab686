package dev.runtimes.server.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test-only: an operation that fails the way a bug does, to see the 500 answer and its log. */
@Path("/test-only/fail")
public class FailingResource {

    @GET
    public String fail() {
        throw new IllegalStateException("a bug in test code");
    }
}
