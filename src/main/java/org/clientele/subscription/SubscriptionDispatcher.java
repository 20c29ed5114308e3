package org.clientele.subscription;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.clientele.platform.RateLimitedLog;
import org.clientele.sync.SyncService;

/**
 * Starts the deliveries of subscriptions on every node: every {@value #PERIOD_MILLIS} ms it asks the database for
 * active subscriptions that are due, behind the feed and not leased, and hands each to a thread of its own (at most
 * {@value #THREADS} at a time on this node), so a slow or dead listener holds one thread and delays nobody else.
 * Which node delivers a subscription is decided by its lease ({@link DeliveryLeases}); on start, a node frees the
 * leases it held before it stopped, so a restart resumes delivery at once instead of after the lease runs out.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class SubscriptionDispatcher {
    private static final Logger LOG = Logger.getLogger(SubscriptionDispatcher.class.getName());
    static final long PERIOD_MILLIS = 200;
    static final int THREADS = 16;
    private static final RateLimitedLog INCIDENTS = new RateLimitedLog(LOG);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    DeliveryLeases leases;

    @Inject
    Deliveries deliveries;

    @Inject
    SyncService feed;

    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final RetryDelays delays = RetryDelays.configured();
    private final String node = nodeName();
    private ThreadPoolExecutor pool;
    private ScheduledFuture<?> polling;

    @PostConstruct
    void start() {
        pool = new ThreadPoolExecutor(0, THREADS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
        try {
            int freed = leases.releaseAllOf(node);
            if (freed > 0) {
                LOG.info(() -> "Freed " + freed + " subscription lease(s) node " + node + " held before it started");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not free the subscription leases of node {0}: {1}", new Object[] {node, e.toString()});
        }
        polling = scheduler.scheduleWithFixedDelay(this::poll, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        polling.cancel(false);
        pool.shutdownNow();
    }

    void poll() {
        try {
            int free = THREADS - inFlight.size();
            if (free <= 0) {
                return;
            }
            for (long id : leases.due(Instant.now(), feed.latestSequence(), free)) {
                if (!inFlight.add(id)) {
                    continue;
                }
                try {
                    pool.execute(() -> run(id));
                } catch (RejectedExecutionException full) {
                    inFlight.remove(id);
                    return;
                }
            }
            INCIDENTS.reset("POLL");
        } catch (Exception e) {
            // the database may be down: one line per interval, and the next poll tries again
            INCIDENTS.log(Level.WARNING, "POLL", "Subscription delivery cannot read the database, retrying: " + e);
        }
    }

    private void run(long id) {
        try {
            deliveries.deliver(id, node, delays);
            INCIDENTS.reset("DELIVER");
        } catch (Exception e) {
            // the lease runs out by itself and the subscription is delivered again then
            INCIDENTS.log(Level.WARNING, "DELIVER", "Delivery of subscription " + id + " broke off: " + e);
        } finally {
            inFlight.remove(id);
        }
    }

    /** This node's name in the cluster ({@code jboss.node.name}), or the JVM's name where none is set. */
    static String nodeName() {
        String name = System.getProperty("jboss.node.name");
        return name == null || name.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : name;
    }
}
