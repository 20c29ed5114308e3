package org.clientele.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.clientele.ws.common.CrmFaultDetail;
import org.clientele.ws.common.ItemResult;
import org.clientele.ws.customer.CreateCustomers;
import org.clientele.ws.customer.CustomerPortType;
import org.clientele.ws.sync.Change;
import org.clientele.ws.sync.EntityType;
import org.clientele.ws.sync.GetChanges;
import org.clientele.ws.sync.GetChangesResponse;
import org.clientele.ws.sync.Operation;
import org.clientele.ws.sync.SyncPortType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two nodes behind HAProxy on one PostgreSQL ({@code mvn verify -Pcluster}): calls through the balancer reach
 * both nodes; a {@code kill -9} of a node under 200-item allOrNone load is routed around within seconds, every
 * batch ends whole or absent, and clients retrying with their idempotency keys end with exactly one copy of every
 * batch; the killed node restarts and takes calls again; the feed replayed equals the database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    private static final int CLIENTS = 4;
    private static final int BATCHES_PER_CLIENT = 5;
    private static final int BATCH = 200;
    /** How long a client keeps retrying one batch (covers a claim left by the killed node). */
    private static final Duration RETRY_FOR = Duration.ofSeconds(Long.getLong("clientele.cluster.retryFor", 180));

    private static Cluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        ClusterSupport.assumeHaProxy();
        cluster = Cluster.get();
        ClusterSupport.awaitAllUp(cluster);
    }

    @Test
    @Order(0)
    void anApiUserAddedOnceWithTheScriptWorksOnEveryNodeAndItsFilesArePrivate() throws Exception {
        String user = "cluster-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Cl-" + UUID.randomUUID();
        List<String> command = new ArrayList<>(List.of("bash", "deploy/add-api-user.sh"));
        for (Cluster.Node n : cluster.nodes) {
            command.add("--controller");
            command.add(n.controller());
        }
        command.addAll(List.of(Cluster.JBOSS_HOME, user, "-", "crm-readonly"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().write((password + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "add-api-user.sh did not finish");
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        for (Cluster.Node n : cluster.nodes) {
            CustomerPortType port = ClusterClients.secured(CustomerPortType.class, n.url(), "/clientele/CustomerService", user, password);
            org.clientele.ws.customer.GetCustomers get = new org.clientele.ws.customer.GetCustomers();
            get.getId().add(Long.MAX_VALUE);
            assertEquals(1, port.getCustomers(get).getLookup().size(), "the new user must work on " + n.name);
            // the key store and every identity file, also the one the server just wrote, are for its user only
            try (var files = java.nio.file.Files.walk(n.base.resolve("data"))) {
                for (java.nio.file.Path f : files.filter(f -> f.toString().contains("clientele-")).toList()) {
                    Set<java.nio.file.attribute.PosixFilePermission> perms = java.nio.file.Files.getPosixFilePermissions(f);
                    assertTrue(perms.stream().noneMatch(x -> x.name().startsWith("GROUP") || x.name().startsWith("OTHERS")),
                            f + " is readable by others: " + java.nio.file.attribute.PosixFilePermissions.toString(perms));
                }
            }
        }
    }

    @Test
    @Order(1)
    void callsThroughTheBalancerReachBothNodes() throws Exception {
        Set<String> servedBy = new TreeSet<>();
        for (int i = 0; i < 20; i++) {
            CustomerPortType port = ClusterClients.secured(CustomerPortType.class, cluster.url(), "/clientele/CustomerService", Clientele.INTEGRATION);
            CreateCustomers create = new CreateCustomers();
            create.getCustomer().add(SyncIT.item("Cluster spread " + i));
            assertTrue(port.createCustomers(create).getResult().get(0).isSuccess());
            servedBy.add(ClusterClients.servedBy(port));
        }
        assertEquals(Set.of("node1", "node2"), servedBy, "round robin must use both nodes");
    }

    @Test
    @Order(2)
    void killingANodeUnderBatchLoadLosesAndDuplicatesNothing() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Cluster.Node victim = cluster.nodes[0];
        Cluster.Node survivor = cluster.nodes[1];
        AtomicInteger done = new AtomicInteger();
        AtomicLong killedAt = new AtomicLong();
        AtomicLong firstSurvivorSuccessAfterKill = new AtomicLong();
        Map<String, Integer> retriesByBatch = new ConcurrentHashMap<>();
        Set<String> faultsSeen = ConcurrentHashMap.newKeySet();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                futures.add(clients.submit(() -> {
                    for (int b = 0; b < BATCHES_PER_CLIENT; b++) {
                        String batch = run + " c" + client + " b" + b;
                        CreateCustomers create = new CreateCustomers();
                        create.setAllOrNone(true);
                        for (int i = 0; i < BATCH; i++) {
                            create.getCustomer().add(SyncIT.item("Cluster " + batch + " #" + i));
                        }
                        long deadline = System.nanoTime() + RETRY_FOR.toNanos();
                        int attempts = 0;
                        while (true) {
                            attempts++;
                            CustomerPortType port = ClusterClients.withKey(ClusterClients.secured(CustomerPortType.class,
                                    cluster.url(), "/clientele/CustomerService", Clientele.INTEGRATION), "cluster-" + batch);
                            try {
                                List<ItemResult> results = port.createCustomers(create).getResult();
                                assertEquals(BATCH, results.size());
                                assertTrue(results.stream().allMatch(ItemResult::isSuccess), "batch " + batch + " failed items");
                                if (killedAt.get() != 0 && survivor.name.equals(ClusterClients.servedBy(port))) {
                                    firstSurvivorSuccessAfterKill.compareAndSet(0, System.nanoTime());
                                }
                                break;
                            } catch (Exception e) {
                                CrmFaultDetail fault = ClusterClients.faultInfo(e);
                                if (fault != null && !fault.isRetryable()) {
                                    fail("batch " + batch + ": not retryable: " + fault.getCode() + " " + fault.getMessage());
                                }
                                faultsSeen.add(fault != null ? fault.getCode().toString() : e.getClass().getSimpleName());
                                if (System.nanoTime() > deadline) {
                                    fail("batch " + batch + " still failing after " + RETRY_FOR + ": " + e);
                                }
                                Thread.sleep(fault != null && fault.getRetryAfterSeconds() != null
                                        ? Math.min(1000L * fault.getRetryAfterSeconds(), 2000) : 300);
                            }
                        }
                        retriesByBatch.put(batch, attempts - 1);
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            // kill -9 while batches are in flight on both nodes
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (done.get() < CLIENTS && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            Thread.sleep(150);
            victim.killHard();
            killedAt.set(System.nanoTime());
            long markedDown = ClusterSupport.awaitState(cluster, victim, "DOWN", Duration.ofSeconds(15));
            System.out.printf("ClusterIT: %s killed; the balancer took it out after %d ms%n", victim.name,
                    TimeUnit.NANOSECONDS.toMillis(markedDown - killedAt.get()));
            for (Future<?> f : futures) {
                f.get(10, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
        assertTrue(firstSurvivorSuccessAfterKill.get() != 0, "the survivor must have answered batches after the kill");
        long routedAfter = TimeUnit.NANOSECONDS.toMillis(firstSurvivorSuccessAfterKill.get() - killedAt.get());
        System.out.printf("ClusterIT: first whole batch from %s %d ms after the kill; retries per batch %s; faults seen %s%n",
                survivor.name, routedAfter, retriesByBatch, faultsSeen);
        assertTrue(routedAfter < 15_000, "the survivor must take the load within seconds, took " + routedAfter + " ms");

        // every batch exactly once: 200 customers each, none twice, nothing else with the run's name
        try (Connection db = Cluster.jdbc();
             PreparedStatement q = db.prepareStatement(
                     "SELECT substring(name from '^Cluster (.*) #') AS batch, count(*), count(DISTINCT name) FROM customer"
                             + " WHERE name LIKE ? GROUP BY 1")) {
            q.setString(1, "Cluster " + run + " %");
            Map<String, long[]> counts = new HashMap<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }
            }
            assertEquals(CLIENTS * BATCHES_PER_CLIENT, counts.size(), "every batch stored: " + counts.keySet());
            counts.forEach((batch, n) -> {
                assertEquals(BATCH, n[0], "batch " + batch + " must be stored exactly once and whole");
                assertEquals(BATCH, n[1], "batch " + batch + " must have no duplicate item");
            });
        }

        // the killed node restarts and takes calls again
        victim.start();
        victim.awaitReady(Cluster.START_TIMEOUT);
        ClusterSupport.awaitState(cluster, victim, "UP", Duration.ofSeconds(30));
        Set<String> servedBy = new TreeSet<>();
        for (int i = 0; i < 10; i++) {
            CustomerPortType port = ClusterClients.secured(CustomerPortType.class, cluster.url(), "/clientele/CustomerService", Clientele.INTEGRATION);
            CreateCustomers create = new CreateCustomers();
            create.getCustomer().add(SyncIT.item("Cluster rejoined " + run + " " + i));
            assertTrue(port.createCustomers(create).getResult().get(0).isSuccess());
            servedBy.add(ClusterClients.servedBy(port));
        }
        assertTrue(servedBy.contains(victim.name), "the restarted node must take calls again: " + servedBy);
    }

    @Test
    @Order(3)
    void theFeedReplayedEqualsTheDatabase() throws Exception {
        SyncPortType sync = ClusterClients.secured(SyncPortType.class, cluster.url(), "/clientele/SyncService", Clientele.READONLY);
        Map<Long, Long> database = new HashMap<>();
        Map<Long, Long> replayed = new HashMap<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String cursor = null;
        long lastSequence = -1;
        while (true) {
            database.clear();
            try (Connection db = Cluster.jdbc(); ResultSet rs = db.createStatement().executeQuery(
                    "SELECT id, version FROM customer WHERE NOT deleted")) {
                while (rs.next()) {
                    database.put(rs.getLong(1), rs.getLong(2));
                }
            }
            GetChangesResponse page;
            do {
                GetChanges get = new GetChanges();
                get.setCursor(cursor);
                get.setMaxChanges(5000);
                page = sync.getChanges(get);
                for (Change c : page.getChange()) {
                    assertTrue(c.getSequence() > lastSequence, "sequence went backwards");
                    lastSequence = c.getSequence();
                    if (c.getEntityType() != EntityType.CUSTOMER) {
                        continue;
                    }
                    if (c.getOperation() == Operation.DELETED || c.getOperation() == Operation.MERGED) {
                        replayed.remove(c.getEntityId());
                    } else {
                        replayed.put(c.getEntityId(), c.getEntityVersion());
                    }
                }
                cursor = page.getNextCursor();
            } while (page.isHasMore());
            if (replayed.equals(database) || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(500);
        }
        assertTrue(database.size() >= CLIENTS * BATCHES_PER_CLIENT * BATCH, "the cluster tests wrote " + database.size());
        assertEquals(database.size(), replayed.size(), "every live customer must be in the feed");
        assertEquals(database, replayed, "the feed replayed through the balancer must equal the database");
    }
}
