package org.clientele.sync;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import org.clientele.platform.Idempotency;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the sequencer every {@value #PERIOD_MILLIS} ms on every node (the database lock lets one pass run at a
 * time), and once an hour purges changes older than the retention period and expired idempotency records. The retention defaults to 30 days;
 * the system property {@code clientele.changes.retention.days} changes it.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class ChangeSequencer {
    private static final Logger LOG = Logger.getLogger(ChangeSequencer.class.getName());
    static final long PERIOD_MILLIS = 100;
    static final int BATCH = 5000;
    private static final long PURGE_EVERY_MILLIS = TimeUnit.HOURS.toMillis(1);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    SequencerWork work;

    @Inject
    Idempotency idempotency;

    private ScheduledFuture<?> sequencing;
    private ScheduledFuture<?> purging;

    @PostConstruct
    void start() {
        sequencing = scheduler.scheduleWithFixedDelay(this::sequence, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        purging = scheduler.scheduleWithFixedDelay(this::purge, 60_000, PURGE_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        sequencing.cancel(false);
        purging.cancel(false);
    }

    void sequence() {
        try {
            while (work.sequencePending(BATCH) == BATCH) {
                // more pending: keep going without waiting for the next tick
            }
        } catch (RuntimeException e) {
            // the database may be down; the next tick tries again
            LOG.log(Level.FINE, "sequencer pass failed", e);
        }
    }

    void purge() {
        try {
            long purged = work.purgeBefore(Instant.now().minus(retention()));
            if (purged > 0) {
                LOG.info(() -> "Purged " + purged + " changes older than " + retention().toDays() + " days from the change feed");
            }
            idempotency.purgeExpired();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "change feed purge failed: {0}", e.toString());
        }
    }

    static Duration retention() {
        return Duration.ofDays(Long.getLong("clientele.changes.retention.days", 30));
    }
}
