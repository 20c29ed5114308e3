package org.clientele.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;
import org.clientele.platform.Transactions;
import org.clientele.sync.ChangeMapper;
import org.clientele.sync.SyncService;
import org.clientele.ws.sync.Change;

/**
 * One delivery run of one subscription on this node: takes its lease, then sends pages of the feed after the
 * acknowledged position, in sequence order, as long as the listener acknowledges them and there are more (at most
 * {@value #RUN_SECONDS} s a run, so other subscriptions get their turn), and gives the lease back. A failed page is
 * not skipped: the run ends and the same position is tried again after the retry delay.
 */
@ApplicationScoped
public class Deliveries {
    /** How long one run keeps delivering pages before giving the subscription back to the dispatcher. */
    static final int RUN_SECONDS = 20;

    @Inject
    DeliveryLeases leases;

    @Inject
    ListenerClient listener;

    @Inject
    SyncService feed;

    @Inject
    Transactions transactions;

    /** A page of the feed in wire form, and the position after it. */
    record Page(List<Change> changes, long nextSequence, boolean hasMore) {
    }

    /** The lease length: longer than one listener call can take, connect and response timeouts included. */
    static Duration leaseLength() {
        return Duration.ofSeconds(ListenerClient.CONNECT_TIMEOUT_MILLIS / 1000 + ListenerClient.timeoutSeconds() + 30L);
    }

    /** Delivers the subscription when this node can take its lease; does nothing otherwise. */
    public void deliver(long subscriptionId, String node, RetryDelays delays) {
        Instant started = Instant.now();
        DeliveryLeases.Lease lease = leases.claim(subscriptionId, node, started, leaseLength());
        if (lease == null) {
            return;
        }
        long position = lease.acknowledgedSequence();
        int failures = lease.consecutiveFailures();
        while (true) {
            Page page;
            try {
                long after = position;
                page = transactions.inNewTransaction(() -> read(lease, after));
            } catch (CrmException e) {
                if (e.code() == ErrorCode.CURSOR_EXPIRED) {
                    leases.expired(lease, "The feed no longer holds the changes after sequence " + position + " (older than its"
                            + " retention); resynchronise the subscriber and create a new subscription", Instant.now());
                    return;
                }
                throw e;
            }
            Instant now = Instant.now();
            if (page.changes().isEmpty()) {
                if (leases.skipped(lease, page.nextSequence(), now.plus(leaseLength()))) {
                    leases.release(lease, now);
                }
                return;
            }
            long first = page.changes().get(0).getSequence();
            long last = page.changes().get(page.changes().size() - 1).getSequence();
            long processed;
            try {
                processed = listener.notify(lease, position, page.changes());
            } catch (ListenerClient.Failed failed) {
                failure(lease, failures, failed.getMessage(), delays);
                return;
            }
            now = Instant.now();
            if (processed < first) {
                failure(lease, failures, "The listener acknowledged none of the page (lastProcessedSequence " + processed
                        + ", the page began at " + first + ")", delays);
                return;
            }
            long acknowledged = processed >= last ? page.nextSequence() : processed;
            DeliveryLeases.Held held = leases.acknowledged(lease, acknowledged, now, now.plus(leaseLength()));
            if (held == DeliveryLeases.Held.LOST) {
                return; // the lease ran out and another node has the subscription now: it goes on from what is stored
            }
            position = acknowledged;
            failures = 0;
            boolean more = page.hasMore() || acknowledged < last;
            if (held == DeliveryLeases.Held.STOPPED || !more || Duration.between(started, now).toSeconds() >= RUN_SECONDS) {
                leases.release(lease, now);
                return;
            }
        }
    }

    private void failure(DeliveryLeases.Lease lease, int failuresBefore, String error, RetryDelays delays) {
        Instant now = Instant.now();
        leases.failed(lease, error, now, now.plus(delays.after(failuresBefore + 1)));
    }

    private Page read(DeliveryLeases.Lease lease, long after) {
        SyncService.Feed page = feed.changesAfter(after, lease.types(), lease.batchSize(), lease.includeSnapshots());
        return new Page(page.changes().stream().map(r -> ChangeMapper.toWire(r, page)).toList(), page.nextSequence(), page.hasMore());
    }
}
