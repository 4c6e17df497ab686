package dev.runtimes.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this library, written into {@code version.properties} by the build. */
final class ClientVersion {
    static final String VALUE = read();

    private ClientVersion() {}

    private static String read() {
        try (InputStream in = ClientVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the runtimes client");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
