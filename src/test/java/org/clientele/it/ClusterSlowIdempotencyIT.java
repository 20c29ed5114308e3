package org.clientele.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.clientele.ws.common.CrmFaultDetail;
import org.clientele.ws.common.ItemResult;
import org.clientele.ws.customer.CreateCustomers;
import org.clientele.ws.customer.CustomerPortType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Idempotency never executes twice, however long the first attempt takes: the first attempt of a keyed batch is
 * frozen on node1 (SIGSTOP of its JVM in the middle of the request's transaction) for longer than the old fixed
 * claim lifetime of 2 minutes, while the same request is retried on node2. Exactly one copy is stored, the call
 * that executed it says replayed=false, and a later retry with the key returns the same ids as a replay.
 */
class ClusterSlowIdempotencyIT {
    private static final int ITEMS = 50;
    /** Longer than the 2 minutes a claim used to live. */
    private static final long FROZEN_SECONDS = 130;

    private static Cluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        ClusterSupport.assumeHaProxy();
        cluster = Cluster.get();
        ClusterSupport.awaitAllUp(cluster);
    }

    @Test
    void aDuplicateOfAFrozenFirstAttemptNeverExecutesTwice() throws Exception {
        Cluster.Node slow = cluster.nodes[0];
        Cluster.Node other = cluster.nodes[1];
        ExecutorService first = Executors.newSingleThreadExecutor();
        try (Connection db = Cluster.jdbc()) {
            String run = null;
            String key = null;
            CreateCustomers create = null;
            Future<List<ItemResult>> firstAttempt = null;
            long frozenAt = 0;
            for (int round = 0; round < 5 && frozenAt == 0; round++) {
                run = UUID.randomUUID().toString().substring(0, 8);
                key = "slow-" + run;
                create = new CreateCustomers();
                create.setAllOrNone(true);
                for (int i = 0; i < ITEMS; i++) {
                    create.getCustomer().add(SyncIT.item("Slow " + run + " #" + i));
                }
                // a client patient enough to see the frozen attempt's own answer
                CustomerPortType port = ClusterClients.receiveTimeout(ClusterClients.withKey(ClusterClients.secured(
                        CustomerPortType.class, slow.url(), "/clientele/CustomerService", Clientele.INTEGRATION), key), 400_000);
                CreateCustomers request = create;
                firstAttempt = first.submit(() -> port.createCustomers(request).getResult());
                // freeze the node as soon as the request's transaction has written (it holds its claim from then on)
                while (!firstAttempt.isDone()) {
                    if (writing(db, slow)) {
                        slow.signal("STOP");
                        if (writing(db, slow)) {
                            frozenAt = System.nanoTime();
                        } else {
                            slow.signal("CONT");
                        }
                        break;
                    }
                }
                if (frozenAt == 0) {
                    try {
                        firstAttempt.get(2, TimeUnit.MINUTES);
                    } catch (java.util.concurrent.ExecutionException ignoredRound) {
                        // this round's first attempt ended before it could be frozen; another round with a new key
                    }
                }
            }
            assertTrue(frozenAt != 0, "could not freeze the first attempt inside its transaction");

            // the duplicate, on the other node, retried as a client would until it gets an answer
            CustomerPortType duplicatePort = ClusterClients.withKey(ClusterClients.secured(CustomerPortType.class, other.url(),
                    "/clientele/CustomerService", Clientele.INTEGRATION), key);
            List<Long> executedIds = null;
            List<String> refusals = new ArrayList<>();
            long deadline = frozenAt + TimeUnit.SECONDS.toNanos(FROZEN_SECONDS + 60);
            while (executedIds == null) {
                try {
                    executedIds = ids(duplicatePort.createCustomers(create).getResult());
                } catch (Exception e) {
                    CrmFaultDetail fault = ClusterClients.faultInfo(e);
                    assertNotNull(fault, "the duplicate got no CrmFault: " + e);
                    assertTrue(fault.isRetryable(), "the duplicate was refused for good: " + fault.getCode() + " " + fault.getMessage());
                    refusals.add(fault.getCode() + "@" + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - frozenAt) + "s");
                    if (System.nanoTime() > deadline) {
                        fail("the duplicate never executed: " + refusals);
                    }
                    Thread.sleep(1000L * Math.max(1, fault.getRetryAfterSeconds() == null ? 1 : fault.getRetryAfterSeconds()));
                }
            }
            long executedAfter = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - frozenAt);
            String duplicateReplayed = ClusterClients.replayed(duplicatePort);

            // keep the first attempt frozen beyond the old claim lifetime, then let it go on
            long remaining = frozenAt + TimeUnit.SECONDS.toNanos(FROZEN_SECONDS) - System.nanoTime();
            if (remaining > 0) {
                Thread.sleep(TimeUnit.NANOSECONDS.toMillis(remaining));
            }
            slow.signal("CONT");
            String firstOutcome;
            try {
                List<Long> firstIds = ids(firstAttempt.get(3, TimeUnit.MINUTES));
                assertEquals(executedIds, firstIds, "both attempts must answer with the one execution's ids");
                firstOutcome = "answered";
            } catch (java.util.concurrent.ExecutionException e) {
                CrmFaultDetail fault = ClusterClients.faultInfo(e.getCause());
                if (fault == null) {
                    // the frozen node's connection to the client did not survive the freeze: a transport failure, which a
                    // client answers by retrying with its key (below)
                    assertTrue(e.getCause() instanceof jakarta.xml.ws.WebServiceException, "first attempt: " + e.getCause());
                    firstOutcome = "transport failure (" + e.getCause().getMessage() + ")";
                } else {
                    assertTrue(fault.isRetryable(), fault.getCode() + " " + fault.getMessage());
                    firstOutcome = fault.getCode().toString();
                }
            }
            System.out.printf("ClusterSlowIdempotencyIT: duplicate executed %d s after the freeze (refused before: %s),"
                    + " replayed=%s; first attempt after %d s frozen: %s%n", executedAfter, refusals, duplicateReplayed,
                    FROZEN_SECONDS, firstOutcome);

            // a later retry with the key is a replay of the one execution
            CustomerPortType retry = ClusterClients.withKey(ClusterClients.secured(CustomerPortType.class, cluster.url(),
                    "/clientele/CustomerService", Clientele.INTEGRATION), key);
            assertEquals(executedIds, ids(retry.createCustomers(create).getResult()));
            assertEquals("true", ClusterClients.replayed(retry));
            assertEquals(ITEMS, count(db, "Slow " + run + " #"), "the batch must be stored exactly once");
        } finally {
            try {
                slow.signal("CONT");
            } catch (Exception ignored) {
                // not frozen
            }
            first.shutdownNow();
        }
    }

    private static boolean writing(Connection db, Cluster.Node node) throws Exception {
        try (PreparedStatement q = db.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE application_name = ?"
                + " AND backend_xid IS NOT NULL AND query NOT ILIKE '%change_sequencer%' AND query NOT ILIKE '%SET sequence%' AND query NOT ILIKE '%sequence IS NULL%'"
                + " AND query NOT ILIKE '%nonce%'")) {
            q.setString(1, "clientele@" + node.name);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    private static List<Long> ids(List<ItemResult> results) {
        assertEquals(ITEMS, results.size());
        assertTrue(results.stream().allMatch(ItemResult::isSuccess));
        return results.stream().map(ItemResult::getId).toList();
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
