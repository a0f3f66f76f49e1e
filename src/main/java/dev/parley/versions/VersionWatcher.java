package dev.parley.versions;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Puts each version another instance publishes in service here. On PostgreSQL it listens on a connection of its own
 * ({@code LISTEN}, pgjdbc's {@link PGConnection#getNotifications(int)}) and is woken by the publisher's
 * {@code pg_notify} as the publication commits; whether woken or not, it looks for a newer version every
 * {@code check-interval}, which is all it does on another database and what covers a notification lost while its
 * connection was being replaced.
 */
final class VersionWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(VersionWatcher.class);

    private final KnowledgePublisher publisher;
    private final DataSource dataSource;
    private final boolean postgres;
    private final Duration interval;
    private final boolean enabled;
    private volatile boolean running;
    private Thread thread;

    /** @param enabled whether to watch at all: only when the database is the source of the knowledge */
    VersionWatcher(KnowledgePublisher publisher, DataSource dataSource, boolean postgres, Duration interval,
                   boolean enabled) {
        this.enabled = enabled;
        this.publisher = publisher;
        this.dataSource = dataSource;
        this.postgres = postgres;
        this.interval = interval;
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        running = true;
        thread = new Thread(this::watch, "parley-knowledge-versions");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread watching = thread;
        if (watching != null) {
            watching.interrupt();
            try {
                watching.join(interval.toMillis() + 2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void watch() {
        while (running) {
            if (postgres) {
                listen();
            } else {
                sleep(interval);
                check();
            }
        }
    }

    /** Listens until the connection fails or the watcher stops; checks after every wake-up and every interval. */
    private void listen() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            String schema = connection.getSchema();
            try (Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + VersionStore.CHANNEL);
            }
            PGConnection notifications = connection.unwrap(PGConnection.class);
            check(); // what was published before this connection listened
            while (running) {
                PGNotification[] received = notifications.getNotifications((int) interval.toMillis());
                boolean ours = received == null || received.length == 0;
                if (received != null) {
                    for (PGNotification notification : received) {
                        ours |= schema == null || schema.equals(notification.getParameter());
                    }
                }
                if (ours) {
                    check();
                }
            }
        } catch (SQLException | RuntimeException e) {
            if (running) {
                log.warn("Listening for knowledge versions failed ({}); checking every {} s and listening again",
                        e.getMessage(), interval.toSeconds());
                sleep(interval);
                check();
            }
        }
    }

    private void check() {
        if (!running) {
            return;
        }
        try {
            publisher.catchUp();
        } catch (RuntimeException e) {
            // the model in service keeps answering; the next check tries again
            log.warn("Could not put the latest knowledge version in service: {}", e.getMessage(), e);
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
