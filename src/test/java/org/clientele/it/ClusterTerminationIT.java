package org.clientele.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.clientele.ws.common.CrmFaultDetail;
import org.clientele.ws.common.ErrorCode;
import org.clientele.ws.common.ItemResult;
import org.clientele.ws.customer.CreateCustomers;
import org.clientele.ws.customer.CustomerPortType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database connection of a running 200-item allOrNone batch is terminated ({@code pg_terminate_backend}, what
 * a PostgreSQL restart or failover does to it: SQLSTATE 57P01). Killed before its commit, the request runs once more
 * on a fresh connection and the batch is stored whole; killed during its commit, the caller gets CrmFault UNAVAILABLE,
 * retryable, and nothing of the batch is stored. Never half a batch, and no later request fails on a connection an
 * earlier round's termination left broken in the pool.
 */
class ClusterTerminationIT {
    private static final int BATCH = 200;
    private static final int WANTED_HITS = 3;
    private static final int MAX_ROUNDS = 25;

    private static Cluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        ClusterSupport.assumeHaProxy();
        cluster = Cluster.get();
        ClusterSupport.awaitAllUp(cluster);
    }

    @Test
    void aTerminatedBatchIsUnavailableAndLeavesNothing() throws Exception {
        Cluster.Node node = cluster.nodes[1];
        String run = UUID.randomUUID().toString().substring(0, 8);
        int hits = 0;
        int collateral = 0;
        int rerun = 0;
        int rounds = 0;
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (Connection db = Cluster.jdbc()) {
            while (hits < WANTED_HITS && rounds < MAX_ROUNDS) {
                String prefix = "Term " + run + " r" + rounds + " #";
                rounds++;
                CreateCustomers create = new CreateCustomers();
                create.setAllOrNone(true);
                for (int i = 0; i < BATCH; i++) {
                    create.getCustomer().add(SyncIT.item(prefix + i));
                }
                CustomerPortType port = ClusterClients.secured(CustomerPortType.class, node.url(), "/clientele/CustomerService", Clientele.INTEGRATION);
                Future<java.util.List<ItemResult>> call = caller.submit(() -> port.createCustomers(create).getResult());
                boolean terminated = false;
                while (!call.isDone() && !terminated) {
                    terminated = terminateWritingBackend(db, node);
                }
                int stored = count(db, prefix);
                try {
                    java.util.List<ItemResult> results = call.get(2, TimeUnit.MINUTES);
                    assertTrue(results.stream().allMatch(ItemResult::isSuccess), "round " + rounds + ": failed items");
                    assertEquals(BATCH, count(db, prefix), "round " + rounds + ": a successful batch is whole");
                    if (terminated) {
                        hits++;
                        rerun++;
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    CrmFaultDetail fault = ClusterClients.faultInfo(e.getCause());
                    if (fault == null) {
                        fail("round " + rounds + ": not a CrmFault: " + e.getCause());
                    }
                    assertEquals(ErrorCode.UNAVAILABLE, fault.getCode(), "round " + rounds + ": " + fault.getMessage());
                    assertTrue(fault.isRetryable());
                    assertTrue(fault.getRetryAfterSeconds() != null && fault.getRetryAfterSeconds() > 0);
                    assertEquals(0, count(db, prefix), "round " + rounds + ": nothing of a failed batch is stored");
                    if (terminated) {
                        hits++;
                    } else {
                        // a request that failed on a pooled connection an earlier round's termination left broken
                        collateral++;
                    }
                }
                assertTrue(stored == 0 || stored == BATCH, "round " + rounds + ": never half a batch, saw " + stored);
            }
        } finally {
            caller.shutdownNow();
        }
        System.out.printf("ClusterTerminationIT: %d of %d rounds terminated mid-batch (%d of them ran again on a fresh"
                + " connection and stored the batch whole, the rest UNAVAILABLE and absent), %d failed on an earlier"
                + " round's terminated connection%n", hits, rounds, rerun, collateral);
        assertTrue(hits >= 1, "no round could terminate a running batch in " + rounds + " rounds");
        assertEquals(0, collateral, "requests failed on a pooled connection an earlier termination had broken");
    }

    /** Terminates the node's backend that is inside a writing transaction of a request (not the sequencer). */
    private static boolean terminateWritingBackend(Connection db, Cluster.Node node) throws Exception {
        try (PreparedStatement q = db.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?"
                        + " AND backend_xid IS NOT NULL AND state <> 'idle'"
                        + " AND query NOT ILIKE '%change_sequencer%' AND query NOT ILIKE '%SET sequence%' AND query NOT ILIKE '%sequence IS NULL%'"
                        + " AND query NOT ILIKE '%nonce%'")) {
            q.setString(1, "clientele@" + node.name);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static int count(Connection db, String prefix) throws Exception {
        try (PreparedStatement q = db.prepareStatement("SELECT count(*) FROM customer WHERE name LIKE ?")) {
            q.setString(1, prefix + "%");
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
