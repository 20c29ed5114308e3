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
import org.clientele.platform.RateLimitedLog;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the sequencer every {@value #PERIOD_MILLIS} ms on every node (the database lock lets one pass run at a
 * time; a node finding it held skips the pass). While passes fail (database down), the node waits twice as long
 * after each failure, up to {@value #MAX_BACKOFF_MILLIS} ms, and logs one line per 30 s instead of one per pass; and once an hour purges changes older than the retention period and expired idempotency records. The retention defaults to 30 days;
 * the system property {@code clientele.changes.retention.days} changes it.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class ChangeSequencer {
    private static final Logger LOG = Logger.getLogger(ChangeSequencer.class.getName());
    static final long PERIOD_MILLIS = 100;
    static final int BATCH = 5000;
    /** The longest pause between two sequencer passes while the database fails. */
    static final long MAX_BACKOFF_MILLIS = 2_000;
    private static final String INCIDENT = "SEQUENCER";
    private static final RateLimitedLog INCIDENTS = new RateLimitedLog(LOG);
    private final Backoff backoff = new Backoff(PERIOD_MILLIS, MAX_BACKOFF_MILLIS);
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
        if (System.nanoTime() < backoff.nextAttemptNanos()) {
            return;
        }
        try {
            while (work.sequencePending(BATCH) == BATCH) {
                // more pending: keep going without waiting for the next tick
            }
            long failed = backoff.succeeded();
            if (failed > 0) {
                INCIDENTS.reset(INCIDENT);
                LOG.info(() -> "Change feed sequencer working again after " + failed + " failed passes");
            }
        } catch (Exception e) {
            // Exception, not only RuntimeException: a commit the database broke off (failover, pg_terminate_backend)
            // reaches here as the transaction manager's checked RollbackException, and an exception escaping this
            // method would cancel the scheduled task for good.
            // The database may be down: wait longer before each next pass (up to MAX_BACKOFF_MILLIS), log once per interval
            long waitMillis = backoff.failed(System.nanoTime());
            INCIDENTS.log(Level.WARNING, INCIDENT, "Change feed sequencer pass failed, retrying every " + waitMillis
                    + " ms until the database answers: " + oneLine(e));
            LOG.log(Level.FINE, "sequencer pass failed", e);
        }
    }

    private static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = String.valueOf(root.getMessage());
        int nl = m.indexOf('\n');
        return root.getClass().getSimpleName() + ": " + (nl < 0 ? m : m.substring(0, nl));
    }

    void purge() {
        try {
            long purged = work.purgeBefore(Instant.now().minus(retention()));
            if (purged > 0) {
                LOG.info(() -> "Purged " + purged + " changes older than " + retention().toDays() + " days from the change feed");
            }
            idempotency.purgeExpired();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "change feed purge failed: {0}", e.toString());
        }
    }

    static Duration retention() {
        return Duration.ofDays(Long.getLong("clientele.changes.retention.days", 30));
    }
}
