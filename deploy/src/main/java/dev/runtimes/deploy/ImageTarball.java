package dev.runtimes.deploy;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.Port;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the server (its {@code target/quarkus-app}) as a container image tarball that
 * {@code docker load}, {@code podman load} or a registry upload can take. The layers follow the
 * fast-jar layout, from what changes least (dependencies) to what changes most (our classes).
 *
 * <p>Arguments: the quarkus-app directory, the base image (a registry reference, or
 * {@code tar://} and a path), the image name, the tarball to write.
 */
public final class ImageTarball {
    private static final AbsoluteUnixPath HOME = AbsoluteUnixPath.get("/deployments");
    /** Not root; a plain number needs no account in the base image. */
    private static final String USER = "1001";

    private ImageTarball() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: ImageTarball <quarkus-app> <base image> <name> <tarball>");
        }
        Path app = Path.of(args[0]);
        JibContainer image = Jib.from(args[1])
                .addFileEntriesLayer(layer("boot-libraries", app, "lib/boot"))
                .addFileEntriesLayer(layer("libraries", app, "lib/main"))
                .addFileEntriesLayer(layer("quarkus", app, "quarkus"))
                .addFileEntriesLayer(layer("quarkus-run", app, "quarkus-run.jar"))
                .addFileEntriesLayer(layer("application", app, "app"))
                .setWorkingDirectory(HOME)
                .setEntrypoint(
                        "java",
                        "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                        "-jar",
                        HOME.resolve("quarkus-run.jar").toString())
                .setExposedPorts(Port.tcp(8080))
                .setUser(USER)
                .containerize(Containerizer.to(TarImage.at(Path.of(args[3])).named(args[2])));
        System.out.printf("Wrote %s (%s, %s)%n", args[3], args[2], image.getDigest());
    }

    private static FileEntriesLayer layer(String name, Path app, String relative) throws IOException {
        return FileEntriesLayer.builder()
                .setName(name)
                .addEntryRecursive(app.resolve(relative), HOME.resolve(relative))
                .build();
    }
}
