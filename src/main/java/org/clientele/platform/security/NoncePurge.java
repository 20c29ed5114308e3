package org.clientele.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.clientele.platform.Transactions;

/**
 * Deletes expired WS-Security nonces in the background, every {@value #PERIOD_MILLIS} ms, in batches of
 * {@link NonceLedger#PURGE_BATCH} rows, each in a short transaction of its own, until a batch comes back short (at most
 * {@value #MAX_BATCHES} batches a pass). No request pays for it: when the 1,000th request of a node purged in its own
 * transaction, a slow purge held row locks that the next purge, 1,000 requests later, waited on, and requests failed
 * with H2's lock timeout under sustained load (two "database temporarily unavailable" faults in a benchmark step). On
 * PostgreSQL the nodes of a cluster skip each other's rows ({@code SKIP LOCKED}).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class NoncePurge {
    private static final Logger LOG = Logger.getLogger(NoncePurge.class.getName());
    static final long PERIOD_MILLIS = 10_000;
    static final int MAX_BATCHES = 50;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Transactions transactions;

    @Inject
    NonceLedger nonces;

    private ScheduledFuture<?> purging;

    @PostConstruct
    void start() {
        purging = scheduler.scheduleWithFixedDelay(this::purge, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        purging.cancel(false);
    }

    void purge() {
        try {
            for (int i = 0; i < MAX_BATCHES; i++) {
                Instant now = Instant.now();
                int purged = transactions.inNewTransaction(() -> nonces.purgeExpired(now));
                if (purged < NonceLedger.PURGE_BATCH) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "nonce purge failed (retried in {0} s): {1}",
                    new Object[] {PERIOD_MILLIS / 1000, e.toString()});
        }
    }
}
