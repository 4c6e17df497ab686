package dev.runtimes.server.ops;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The packaged servers one test starts: each is stopped after the test (after its own
 * {@code @AfterEach}), and a failed test logs their consoles.
 */
final class ServerProcesses implements AfterEachCallback, TestWatcher {
    private static final Logger LOG = Logger.getLogger(ServerProcesses.class);

    private final List<ServerProcess> servers = new ArrayList<>();

    ServerProcess start(Map<String, String> settings) throws IOException {
        ServerProcess server = ServerProcess.start(settings);
        servers.add(server);
        return server;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        servers.forEach(ServerProcess::close);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        for (ServerProcess server : servers) {
            LOG.errorf(
                    "Console of the server on port %d (%s):%n%s",
                    server.port(), server.console(), String.join("\n", server.lines()));
        }
    }
}
