package dev.runtimes.server.health;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/** Test profile: the server reaches PostgreSQL only through a {@link TcpProxy} the test can cut. */
public class DatabaseBehindProxy implements QuarkusTestProfile {
    static TcpProxy proxy;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ProxyResource.class));
    }

    public static class ProxyResource implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try {
                proxy = new TcpProxy(new InetSocketAddress("127.0.0.1", 5432));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String database = System.getenv().getOrDefault("RUNTIMES_TEST_DB", "runtimes_test");
            return Map.of(
                    "quarkus.datasource.jdbc.url",
                    "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database,
                    // Fail fast while the database is away, rather than after the 5 s default.
                    "quarkus.datasource.jdbc.acquisition-timeout",
                    "2s");
        }

        @Override
        public void stop() {
            try {
                proxy.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
