package dev.runtimes.contract.hostile;

import dev.runtimes.contract.harness.Target;
import java.net.URL;
import org.eclipse.microprofile.config.ConfigProvider;

/** The server booted in this JVM by {@code @QuarkusTest}, as the suites of this package reach it. */
final class InProcessTarget {
    private InProcessTarget() {}

    static Target of(String name, URL root) {
        return new Target(
                name, root.toString(), ConfigProvider.getConfig().getValue("runtimes.admin.token", String.class), null);
    }
}
