package dev.runtimes.server.web.traits;

import dev.runtimes.server.web.pipeline.LifecycleQuota;
import dev.runtimes.server.web.pipeline.SecuredBy;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only: operations that carry the traits written by hand, where a generated interface method
 * carries them from the spec's extensions. Each answer counts the runs of its operation.
 */
@Path("/api/v1/org/{org}/ws/{workspace}/test-only/traits")
@Produces(MediaType.APPLICATION_JSON)
public class TraitsResource {
    private static final AtomicInteger RUNS = new AtomicInteger();

    @POST
    @Path("/all")
    @SecuredBy("bearerAuth")
    @SuccessStatus(201)
    @TakesIdempotencyKey
    @LifecycleQuota
    public Map<String, Integer> withTraits(@PathParam("org") String org, @PathParam("workspace") String workspace) {
        return Map.of("run", RUNS.incrementAndGet());
    }

    @GET
    @Path("/tagged")
    @SecuredBy("bearerAuth")
    @SuccessStatus(200)
    @EntityTagged
    public Map<String, Integer> tagged(@PathParam("org") String org, @PathParam("workspace") String workspace) {
        return Map.of("answer", 42);
    }

    @POST
    @Path("/none")
    @SecuredBy("bearerAuth")
    public Map<String, Integer> withoutTraits(@PathParam("org") String org, @PathParam("workspace") String workspace) {
        return Map.of("run", RUNS.incrementAndGet());
    }

    @GET
    @Path("/operator")
    @SecuredBy(SecuredBy.OPERATOR_TOKEN)
    public Map<String, Integer> operatorOnly(@PathParam("org") String org, @PathParam("workspace") String workspace) {
        return Map.of("answer", 42);
    }
}
