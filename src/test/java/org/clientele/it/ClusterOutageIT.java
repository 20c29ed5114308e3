package org.clientele.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.clientele.ws.campaign.CampaignPortType;
import org.clientele.ws.campaign.GetCampaigns;
import org.clientele.ws.cases.CasePortType;
import org.clientele.ws.cases.GetCases;
import org.clientele.ws.common.CrmFaultDetail;
import org.clientele.ws.common.ErrorCode;
import org.clientele.ws.customer.CreateCustomers;
import org.clientele.ws.customer.CustomerPortType;
import org.clientele.ws.customer.GetCustomers;
import org.clientele.ws.sync.GetChanges;
import org.clientele.ws.sync.GetLatestCursor;
import org.clientele.ws.sync.SyncPortType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL unreachable (the TCP proxy between the nodes and the database is cut: connections dropped, new ones
 * refused): every service, every call secured with a UsernameToken whose nonce must be checked in the database,
 * answers CrmFault UNAVAILABLE, retryable, with retryAfterSeconds - never a security fault, never INTERNAL; the
 * server log stays small (one line per incident kind per interval); once the database is back, the same calls
 * succeed again by themselves.
 */
class ClusterOutageIT {
    private static Cluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        ClusterSupport.assumeHaProxy();
        cluster = Cluster.get();
        ClusterSupport.awaitAllUp(cluster);
    }

    private Map<String, Callable<Object>> calls(String baseUrl) {
        Map<String, Callable<Object>> calls = new LinkedHashMap<>();
        CustomerPortType customers = ClusterClients.secured(CustomerPortType.class, baseUrl, "/clientele/CustomerService", Clientele.ADMIN);
        CasePortType cases = ClusterClients.secured(CasePortType.class, baseUrl, "/clientele/CaseService", Clientele.ADMIN);
        CampaignPortType campaigns = ClusterClients.secured(CampaignPortType.class, baseUrl, "/clientele/CampaignService", Clientele.ADMIN);
        SyncPortType sync = ClusterClients.secured(SyncPortType.class, baseUrl, "/clientele/SyncService", Clientele.ADMIN);
        calls.put("CustomerService.getCustomers", () -> {
            GetCustomers get = new GetCustomers();
            get.getId().add(1L);
            return customers.getCustomers(get);
        });
        calls.put("CustomerService.createCustomers", () -> {
            CreateCustomers create = new CreateCustomers();
            create.getCustomer().add(SyncIT.item("Outage " + System.nanoTime()));
            return customers.createCustomers(create);
        });
        calls.put("CaseService.getCases", () -> {
            GetCases get = new GetCases();
            get.getId().add(1L);
            return cases.getCases(get);
        });
        calls.put("CampaignService.getCampaigns", () -> {
            GetCampaigns get = new GetCampaigns();
            get.getId().add(1L);
            return campaigns.getCampaigns(get);
        });
        calls.put("SyncService.getChanges", () -> sync.getChanges(new GetChanges()));
        calls.put("SyncService.getLatestCursor", () -> sync.getLatestCursor(new GetLatestCursor()));
        return calls;
    }

    @Test
    void everyServiceAnswersUnavailableWhileTheDatabaseIsDownAndRecoversByItself() throws Exception {
        // both nodes work before the outage
        for (Cluster.Node node : cluster.nodes) {
            for (Map.Entry<String, Callable<Object>> call : calls(node.url()).entrySet()) {
                assertNotNull(call.getValue().call(), call.getKey());
            }
        }
        long[] logLines = new long[cluster.nodes.length];
        for (int i = 0; i < cluster.nodes.length; i++) {
            logLines[i] = lines(cluster.nodes[i].serverLog());
        }
        cluster.database.cut();
        List<String> wrong = new ArrayList<>();
        int faults = 0;
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < until) {
                for (Cluster.Node node : cluster.nodes) {
                    for (Map.Entry<String, Callable<Object>> call : calls(node.url()).entrySet()) {
                        String what = node.name + " " + call.getKey();
                        try {
                            call.getValue().call();
                            wrong.add(what + ": succeeded without a database");
                        } catch (Exception e) {
                            CrmFaultDetail fault = ClusterClients.faultInfo(e);
                            if (fault == null) {
                                wrong.add(what + ": " + e);
                            } else if (fault.getCode() != ErrorCode.UNAVAILABLE || !fault.isRetryable()
                                    || fault.getRetryAfterSeconds() == null || fault.getRetryAfterSeconds() <= 0) {
                                wrong.add(what + ": " + fault.getCode() + " retryable=" + fault.isRetryable()
                                        + " retryAfter=" + fault.getRetryAfterSeconds() + " " + fault.getMessage());
                            } else {
                                faults++;
                            }
                        }
                    }
                }
            }
        } finally {
            cluster.database.restore();
        }
        assertEquals(List.of(), wrong.stream().distinct().toList(), "every call during the outage must be UNAVAILABLE, retryable");
        assertTrue(faults >= 12, "calls made during the outage: " + faults);
        for (int i = 0; i < cluster.nodes.length; i++) {
            long added = lines(cluster.nodes[i].serverLog()) - logLines[i];
            System.out.printf("ClusterOutageIT: %s logged %d lines during 10 s of outage (%d faults answered by both nodes)%n",
                    cluster.nodes[i].name, added, faults);
            assertTrue(added < 50, cluster.nodes[i].name + " logged " + added + " lines in 10 s of outage; one line per"
                    + " incident kind per interval is expected, not one per request or retry");
        }

        // recovery by itself: the same calls succeed within seconds of the database coming back
        for (Cluster.Node node : cluster.nodes) {
            for (Map.Entry<String, Callable<Object>> call : calls(node.url()).entrySet()) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (true) {
                    try {
                        assertNotNull(call.getValue().call());
                        break;
                    } catch (Exception e) {
                        if (System.nanoTime() > deadline) {
                            fail(node.name + " " + call.getKey() + " still failing 30 s after the database came back: " + e);
                        }
                        Thread.sleep(500);
                    }
                }
            }
        }
    }

    private static long lines(Path log) throws Exception {
        if (!Files.exists(log)) {
            return 0;
        }
        try (var s = Files.lines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return s.count();
        }
    }

}
