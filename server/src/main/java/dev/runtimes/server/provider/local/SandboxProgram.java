package dev.runtimes.server.provider.local;

import io.quarkus.runtime.ImageMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The command of a local sandbox: the configured shell command, or the built-in
 * {@link SandboxServer}. On a JVM the built-in one is run by this server's own Java: it is copied
 * out of the server's class path into the provider's directory once, as a plain class file, so it
 * runs the same from a packaged jar, from the tests and from the embedded run. A native executable
 * has no Java to run it with and runs itself instead, with {@link SandboxServer#ARGUMENT}.
 */
final class SandboxProgram {
    private static final String CLASS_FILE = SandboxServer.class.getSimpleName() + ".class";

    private SandboxProgram() {}

    static List<String> command(Optional<String> configured, Path directory) {
        return configured
                .map(shell -> List.of("/bin/sh", "-c", shell))
                .orElseGet(() -> ImageMode.current().isNativeImage() ? builtInNative() : builtInJvm(directory));
    }

    private static List<String> builtInNative() {
        String executable = ProcessHandle.current()
                .info()
                .command()
                .orElseThrow(() -> new IllegalStateException("the built-in sandbox program needs this executable's"
                        + " path, which the system does not tell: set runtimes.provider.local.command"));
        // A small heap, as the JVM's below (a native executable reads -X options among its arguments).
        return List.of(executable, SandboxServer.ARGUMENT, "-Xmx32m");
    }

    private static List<String> builtInJvm(Path directory) {
        byte[] bytes = classFile();
        Path classPath = directory.resolve("program-" + sha256(bytes).substring(0, 16));
        Path file = classPath
                .resolve(SandboxServer.class.getPackageName().replace('.', '/'))
                .resolve(CLASS_FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Path partial = Files.createTempFile(file.getParent(), CLASS_FILE, ".partial");
                Files.write(partial, bytes);
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the built-in sandbox program cannot be written to " + directory, e);
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // A small, quickly started JVM: the program serves a handful of requests.
        return List.of(
                java.toString(),
                "-Xmx32m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:-UsePerfData",
                "-cp",
                classPath.toString(),
                SandboxServer.class.getName());
    }

    private static byte[] classFile() {
        try (InputStream in = SandboxServer.class.getResourceAsStream(CLASS_FILE)) {
            if (in == null) {
                throw new IllegalStateException(CLASS_FILE + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
