package dev.runtimes.server.web.pipeline;

import dev.runtimes.server.config.RuntimesConfig;
import dev.runtimes.server.error.ErrorKind;
import dev.runtimes.server.error.ServiceException;
import dev.runtimes.server.web.Operation;
import dev.runtimes.server.web.Stages;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses requests from client libraries older than {@code runtimes.client.minimum-version} with
 * 426. Requests without {@code X-Runtimes-Client-Version} pass; a malformed one is left to the
 * spec's pattern on the parameter, a 422 from {@code RequestConformance}.
 */
public class ClientVersionFilter {
    public static final String HEADER = "X-Runtimes-Client-Version";

    private final ClientVersion minimum;

    ClientVersionFilter(RuntimesConfig config) {
        String setting = config.client().minimumVersion();
        this.minimum = ClientVersion.parse(setting)
                .orElseThrow(() -> new IllegalArgumentException(
                        "runtimes.client.minimum-version must be a version like 1.4.0, not '" + setting + "'"));
    }

    /** Where the operation declares the header: the operator surface does not check it. */
    @ServerRequestFilter(priority = Stages.CLIENT_VERSION)
    public void checkClientVersion(ContainerRequestContext request, ResourceInfo resource) {
        String presented = request.getHeaderString(HEADER);
        if (presented == null || !declaresHeader(resource)) {
            return;
        }
        Optional<ClientVersion> version = ClientVersion.parse(presented);
        if (version.isPresent() && version.get().compareTo(minimum) < 0) {
            throw new ServiceException(
                    ErrorKind.UPGRADE_REQUIRED,
                    "Client version " + presented + " is no longer supported; upgrade to " + minimum + " or later.");
        }
    }

    private static boolean declaresHeader(ResourceInfo resource) {
        return Operation.of(resource)
                .flatMap(operation -> operation.request().parameter("header", HEADER))
                .isPresent();
    }
}
