package dev.parley.history;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Deletes exchanges older than {@code parley.history.retention-days}, and their feedback with them (the schema
 * cascades): once at start-up, so a server that was down for a while starts clean, then every
 * {@code parley.history.retention-check-interval}. With 0 days nothing is ever deleted.
 */
@Component
@EnableScheduling
class HistoryRetention implements ApplicationRunner, SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);

    private final JdbcExchangeLog exchanges;
    private final HistoryProperties settings;

    HistoryRetention(JdbcExchangeLog exchanges, HistoryProperties settings) {
        this.exchanges = exchanges;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (settings.expires()) {
            deleteExpired();
        } else {
            log.info("Exchanges are kept forever (parley.history.retention-days=0)");
        }
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (settings.expires()) {
            Duration interval = settings.retentionCheckInterval();
            registrar.addFixedDelayTask(new FixedDelayTask(this::deleteExpired, interval, interval));
        }
    }

    /** Deletes what has expired by now; returns how many exchanges went. */
    int deleteExpired() {
        Instant cutoff = Instant.now().minus(Duration.ofDays(settings.retentionDays()));
        int deleted = exchanges.deleteAskedBefore(cutoff);
        log.info("Retention: deleted {} exchange(s) older than {} days (asked before {}), with their feedback",
                deleted, settings.retentionDays(), cutoff);
        return deleted;
    }
}
