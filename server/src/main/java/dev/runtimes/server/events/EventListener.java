package dev.runtimes.server.events;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * One connection per replica that LISTENs to the channel every event's transaction notifies at
 * commit, and wakes the workspace it names; the table stays the truth, a notification only says
 * when to read it. A lost connection is opened again, and every workspace reads once then, for the
 * notifications missed meanwhile (and at the first start, for those before it). Only on PostgreSQL: on H2 (the embedded single process) the
 * commit wakes its streams directly.
 */
@ApplicationScoped
class EventListener {
    private static final Logger LOG = Logger.getLogger(EventListener.class);
    private static final int WAIT_MILLIS = 500;
    private static final long RETRY_MILLIS = 1000;

    private final EventHub hub;
    private final String dbKind;
    private final String url;
    private final String user;
    private final Optional<String> password;
    private volatile boolean running;
    private Thread thread;

    EventListener(
            EventHub hub,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.hub = hub;
        this.dbKind = dbKind;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void onStart(@Observes StartupEvent event) {
        if (!dbKind.startsWith("postgres")) {
            return;
        }
        running = true;
        thread = new Thread(this::listen, "event-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(2 * WAIT_MILLIS);
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, user, password.orElse(null))) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + EventLog.CHANNEL);
                }
                // What committed before this LISTEN notified no one here.
                hub.wakeAll();
                PGConnection listening = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = listening.getNotifications(WAIT_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            hub.wake(UUID.fromString(notification.getParameter()));
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("The connection that listens for events was lost (%s); opening it again", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
