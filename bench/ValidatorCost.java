import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import java.util.Arrays;

/**
 * What the Atlassian swagger-request-validator (the contract suite's judge) would cost the server
 * if it checked requests: the time to load the spec, and per request for a list and a create.
 *   ./mvnw -q -pl server dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 *   java -cp "$(cat server/target/cp.txt)" bench/ValidatorCost.java openapi/runtimes-api.yaml
 */
public class ValidatorCost {
    public static void main(String[] args) {
        long start = System.nanoTime();
        OpenApiInteractionValidator validator =
                OpenApiInteractionValidator.createForSpecificationUrl("file:" + args[0]).build();
        System.out.printf("load the spec: %.0f ms%n", (System.nanoTime() - start) / 1e6);
        Request list = SimpleRequest.Builder.get("/api/v1/org/example/ws/example/runtimes")
                .withQueryParam("limit", "50")
                .withQueryParam("state", "running")
                .withHeader("Authorization", "Bearer x")
                .build();
        Request create = SimpleRequest.Builder.post("/api/v1/org/example/ws/example/runtimes")
                .withContentType("application/json")
                .withHeader("Authorization", "Bearer x")
                .withBody("{\"key\":\"nb-1\",\"name\":\"Notebook\",\"labels\":{\"team\":\"ml\"}}")
                .build();
        for (Request request : new Request[] {list, create}) {
            long[] nanos = new long[20_000];
            for (int i = 0; i < nanos.length; i++) {
                long t = System.nanoTime();
                validator.validateRequest(request);
                nanos[i] = System.nanoTime() - t;
            }
            Arrays.sort(nanos);
            System.out.printf(
                    "%s %s: p50 %.0f µs, p99 %.0f µs over %,d requests%n",
                    request.getMethod(), request.getPath(), nanos[nanos.length / 2] / 1e3,
                    nanos[nanos.length * 99 / 100] / 1e3, nanos.length);
        }
    }
}
