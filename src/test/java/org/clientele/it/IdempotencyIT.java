package org.clientele.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.xml.ws.BindingProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.headers.Header;
import org.clientele.ws.common.CrmFaultDetail;
import org.clientele.ws.common.ErrorCode;
import org.clientele.ws.common.ItemResult;
import org.clientele.ws.customer.CreateCustomers;
import org.clientele.ws.customer.Customer;
import org.clientele.ws.customer.CustomerChange;
import org.clientele.ws.customer.CustomerPortType;
import org.clientele.ws.customer.CustomerRef;
import org.clientele.ws.customer.DeleteCustomers;
import org.clientele.ws.customer.GetCustomers;
import org.clientele.ws.customer.MergeCustomers;
import org.clientele.ws.customer.UpdateCustomers;
import org.clientele.ws.customer.FindCustomers;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import org.junit.jupiter.api.Test;

/**
 * Retried writes with an idempotency key: a retry returns the first call's results (ids, versions, item errors)
 * without executing again, says it is a replay and echoes the key, a different request or operation with the same
 * key is refused, a key whose call failed may be used again, and a concurrent duplicate waits for the first call
 * (held at a barrier of the test deployment) and replays it, or gives up after 30 s with a retryable CONCURRENCY.
 */
class IdempotencyIT {
    private static final String NS = "urn:clientele:crm:common:v1";

    @Test
    void aRetryReturnsTheSameIdsAndCreatesNothing() throws Exception {
        String key = "create-" + UUID.randomUUID();
        String name = "Idempotent " + key;
        CustomerPortType port = withKey(Clientele.customers(Clientele.INTEGRATION), key);
        List<ItemResult> first = port.createCustomers(request(name, 3)).getResult();
        assertEquals("false", replayed(port));
        assertEquals(key, Headers.responseContext(port).get("idempotencyKey"), "the key is echoed");
        List<ItemResult> retry = port.createCustomers(request(name, 3)).getResult();
        assertEquals("true", replayed(port));
        assertEquals(key, Headers.responseContext(port).get("idempotencyKey"), "the key is echoed in the replay");
        assertEquals(ids(first), ids(retry));
        assertEquals(summary(first), summary(retry));
        assertEquals(List.of("r0", "r1", "r2"), retry.stream().map(ItemResult::getClientRef).toList());
        assertEquals(3, count(name));
    }

    @Test
    void theSameKeyWithAnotherRequestIsAConflict() throws Exception {
        String key = "conflict-" + UUID.randomUUID();
        CustomerPortType port = withKey(Clientele.customers(Clientele.INTEGRATION), key);
        port.createCustomers(request("Conflict A " + key, 1));
        Faults.expect(ErrorCode.IDEMPOTENCY_CONFLICT, () -> port.createCustomers(request("Conflict B " + key, 1)));
        assertEquals(0, count("Conflict B " + key));
    }

    @Test
    void keysBelongToTheirUser() throws Exception {
        String key = "per-user-" + UUID.randomUUID();
        String name = "Per user " + key;
        withKey(Clientele.customers(Clientele.INTEGRATION), key).createCustomers(request(name, 1));
        withKey(Clientele.customers(Clientele.ADMIN), key).createCustomers(request(name, 1));
        assertEquals(2, count(name));
    }

    @Test
    void concurrentDuplicatesExecuteOnce() throws Exception {
        String key = "race-" + UUID.randomUUID();
        String name = "Race " + key;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Long>>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<List<Long>> call = () -> ids(withKey(Clientele.customers(Clientele.INTEGRATION), key)
                        .createCustomers(request(name, 50)).getResult());
                calls.add(pool.submit(call));
            }
            List<Long> expected = calls.get(0).get();
            for (Future<List<Long>> f : calls) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(50, count(name));
    }

    @Test
    void aReplayHasTheSameIdsVersionsAndItemErrorsAndDoesNotExecuteAgain() throws Exception {
        String key = "update-" + UUID.randomUUID();
        String name = "Replay update " + key;
        long id = ids(Clientele.customers(Clientele.INTEGRATION).createCustomers(request(name, 1)).getResult()).get(0);
        UpdateCustomers update = new UpdateCustomers();
        update.getCustomer().add(change("good", id, name + " renamed"));
        update.getCustomer().add(change("missing", Long.MAX_VALUE - 11, name + " missing"));
        CustomerPortType port = withKey(Clientele.customers(Clientele.INTEGRATION), key);
        List<ItemResult> first = port.updateCustomers(update).getResult();
        assertTrue(first.get(0).isSuccess());
        assertEquals(1L, first.get(0).getVersion());
        assertFalse(first.get(1).isSuccess());
        assertEquals(ErrorCode.NOT_FOUND, first.get(1).getError().get(0).getCode());

        List<ItemResult> retry = port.updateCustomers(update).getResult();
        assertEquals("true", replayed(port));
        assertEquals(summary(first), summary(retry), "ids, versions, item errors and clientRefs are those of the first call");
        assertEquals(1L, version(id), "the replay did not update the customer again");
    }

    @Test
    void theSecondOfTwoConcurrentCallsWaitsForTheFirstAndReplaysIt() throws Exception {
        String token = UUID.randomUUID().toString();
        String key = "barrier-" + token;
        String name = Hooks.HOLD + token;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CustomerPortType firstPort = withKey(Clientele.customers(Clientele.INTEGRATION), key);
            CustomerPortType secondPort = withKey(Clientele.customers(Clientele.INTEGRATION), key);
            // CXF keeps a client's response context per thread: read the replayed flag in the calling thread
            Future<Map.Entry<List<ItemResult>, String>> first = pool.submit(() -> Map.entry(
                    firstPort.createCustomers(request(name, 1)).getResult(), replayed(firstPort)));
            Hooks.awaitArrived(token, 1); // the first call holds its claim, inside its write
            Future<Map.Entry<List<ItemResult>, String>> second = pool.submit(() -> Map.entry(
                    secondPort.createCustomers(request(name, 1)).getResult(), replayed(secondPort)));
            Thread.sleep(2000);
            assertFalse(second.isDone(), "the second call must wait while the first runs");
            assertEquals(1, Hooks.arrived(token), "the second call must not execute the write");
            Hooks.release(token);
            Map.Entry<List<ItemResult>, String> a = first.get(60, TimeUnit.SECONDS);
            Map.Entry<List<ItemResult>, String> b = second.get(60, TimeUnit.SECONDS);
            assertEquals(summary(a.getKey()), summary(b.getKey()));
            assertEquals("false", a.getValue());
            assertEquals("true", b.getValue(), "the second call replays the first");
        } finally {
            Hooks.release(token);
            pool.shutdownNow();
        }
        assertEquals(1, count(Hooks.HOLD + token));
    }

    @Test
    void aWaitPastTheLockTimeoutEndsInARetryableConcurrencyFault() throws Exception {
        String token = UUID.randomUUID().toString();
        String key = "timeout-" + token;
        String name = Hooks.HOLD + token;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CustomerPortType firstPort = withKey(Clientele.customers(Clientele.INTEGRATION), key);
            Future<List<ItemResult>> first = pool.submit(() -> firstPort.createCustomers(request(name, 1)).getResult());
            Hooks.awaitArrived(token, 1);
            CustomerPortType secondPort = withKey(Clientele.customers(Clientele.INTEGRATION), key);
            long started = System.nanoTime();
            CrmFaultDetail busy = Faults.expect(ErrorCode.CONCURRENCY, () -> secondPort.createCustomers(request(name, 1)));
            long waitedSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            // the duplicate waits on the first call's claim for the lock timeout: 30 s on PostgreSQL (lock_timeout of the
            // claim), the datasource's LOCK_TIMEOUT of 10 s on H2 (docs/rules.md)
            long bound = "postgres".equals(System.getProperty("clientele.db")) ? 29 : 9;
            assertTrue(waitedSeconds >= bound, "the second call waited " + waitedSeconds + " s before giving up");
            assertTrue(busy.isRetryable());
            assertNotNull(busy.getRetryAfterSeconds());
            assertTrue(busy.getRetryAfterSeconds() > 0, "retryAfterSeconds " + busy.getRetryAfterSeconds());
            assertEquals("idempotencyKey", busy.getField());
            Hooks.release(token);
            List<ItemResult> done = first.get(60, TimeUnit.SECONDS);
            List<ItemResult> retried = secondPort.createCustomers(request(name, 1)).getResult();
            assertEquals("true", replayed(secondPort), "once the first call finished, the retry replays it");
            assertEquals(summary(done), summary(retried));
        } finally {
            Hooks.release(token);
            pool.shutdownNow();
        }
        assertEquals(1, count(Hooks.HOLD + token));
    }

    @Test
    void aReplayedMergeAnswersWithTheMasterAsItIsNow() throws Exception {
        String key = "merge-" + UUID.randomUUID();
        String name = "Replay merge " + key;
        List<Long> ids = ids(Clientele.customers(Clientele.INTEGRATION).createCustomers(request(name, 2)).getResult());
        MergeCustomers merge = new MergeCustomers();
        merge.setMasterId(ids.get(0));
        merge.getDuplicateId().add(ids.get(1));
        CustomerPortType port = withKey(Clientele.customers(Clientele.INTEGRATION), key);
        long mergedVersion = port.mergeCustomers(merge).getMaster().getVersion();
        assertEquals("false", replayed(port));
        UpdateCustomers update = new UpdateCustomers();
        update.getCustomer().add(change("later", ids.get(0), name + " changed later"));
        assertTrue(Clientele.customers(Clientele.INTEGRATION).updateCustomers(update).getResult().get(0).isSuccess());

        Customer master = port.mergeCustomers(merge).getMaster();
        assertEquals("true", replayed(port));
        assertEquals(ids.get(0), master.getId());
        assertEquals(mergedVersion + 1, master.getVersion(), "the master as it is now, not as the merge left it");
        assertEquals(name + " changed later", master.getData().getName());
        assertEquals(mergedVersion + 1, version(ids.get(0)), "the replay did not merge again");
    }

    @Test
    void aKeyWhoseCallFailedWithAFaultMayBeUsedAgain() throws Exception {
        String key = "reuse-" + UUID.randomUUID();
        CustomerPortType port = withKey(Clientele.customers(Clientele.INTEGRATION), key);
        Faults.expect(ErrorCode.INTERNAL, () -> port.createCustomers(request(Hooks.FAIL + key, 1)));
        Faults.expect(ErrorCode.LIMIT_EXCEEDED, () -> port.createCustomers(request("Reuse limit " + key, 201)));
        String name = "Reuse " + key;
        List<ItemResult> executed = port.createCustomers(request(name, 1)).getResult();
        assertEquals("false", replayed(port), "the earlier calls with this key wrote nothing, so this one executes");
        assertEquals(1, ids(executed).size());
        assertEquals(1, count(name));
        assertEquals(0, count("Reuse limit " + key));
    }

    @Test
    void theSameKeyOnAnotherOperationIsAConflictAndChangesNothing() throws Exception {
        String key = "cross-" + UUID.randomUUID();
        String name = "Cross operation " + key;
        CustomerPortType port = withKey(Clientele.customers(Clientele.INTEGRATION), key);
        long id = ids(port.createCustomers(request(name, 1)).getResult()).get(0);
        DeleteCustomers delete = new DeleteCustomers();
        CustomerRef ref = new CustomerRef();
        ref.setId(id);
        delete.getCustomer().add(ref);
        Faults.expect(ErrorCode.IDEMPOTENCY_CONFLICT, () -> port.deleteCustomers(delete));
        GetCustomers get = new GetCustomers();
        get.getId().add(id);
        Customer c = Clientele.customers(Clientele.ADMIN).getCustomers(get).getLookup().get(0).getCustomer();
        assertFalse(c.isDeleted(), "the conflicting delete did not run");
        assertEquals(0L, c.getVersion());
    }

    @Test
    void aKeyIsForgottenAfterItsRetention() throws Exception {
        String key = "retention-" + UUID.randomUUID();
        String name = "Retention " + key;
        String property = "/system-property=clientele.idempotency.retention.hours";
        Management.cli(property + ":add(value=0)"); // records expire as soon as they are written
        try {
            CustomerPortType port = withKey(Clientele.customers(Clientele.INTEGRATION), key);
            List<Long> first = ids(port.createCustomers(request(name, 1)).getResult());
            Thread.sleep(50);
            List<Long> again = ids(port.createCustomers(request(name, 1)).getResult());
            assertEquals("false", replayed(port), "an expired key is forgotten: the call executes again");
            assertFalse(first.equals(again));
            assertEquals(2, count(name));
        } finally {
            Management.cli(property + ":remove");
        }
        String kept = "kept-" + UUID.randomUUID();
        CustomerPortType port = withKey(Clientele.customers(Clientele.INTEGRATION), kept);
        List<Long> first = ids(port.createCustomers(request("Retention " + kept, 1)).getResult());
        assertEquals(first, ids(port.createCustomers(request("Retention " + kept, 1)).getResult()));
        assertEquals("true", replayed(port), "with the default retention (24 h) the key is kept");
    }

    private static CustomerChange change(String clientRef, long id, String name) {
        CustomerChange c = new CustomerChange();
        c.setClientRef(clientRef);
        c.setId(id);
        c.setData(SyncIT.item(name).getData());
        return c;
    }

    private static long version(long id) throws Exception {
        GetCustomers get = new GetCustomers();
        get.getId().add(id);
        return Clientele.customers(Clientele.ADMIN).getCustomers(get).getLookup().get(0).getCustomer().getVersion();
    }

    /** Everything a result says: clientRef, success, id, version, created and each error's code, field and message. */
    private static List<String> summary(List<ItemResult> results) {
        return results.stream().map(r -> r.getClientRef() + "|" + r.isSuccess() + "|" + r.getId() + "|" + r.getVersion()
                + "|" + r.isCreated() + "|" + r.getError().stream().map(e -> e.getCode() + "/" + e.getField() + "/"
                + e.getMessage()).toList()).toList();
    }

    private static CreateCustomers request(String name, int n) {
        CreateCustomers create = new CreateCustomers();
        for (int i = 0; i < n; i++) {
            var item = SyncIT.item(name);
            item.setClientRef("r" + i);
            create.getCustomer().add(item);
        }
        return create;
    }

    private static List<Long> ids(List<ItemResult> results) {
        assertTrue(results.stream().allMatch(ItemResult::isSuccess), () -> summary(results).toString());
        return results.stream().map(ItemResult::getId).toList();
    }

    private static int count(String name) throws Exception {
        FindCustomers find = new FindCustomers();
        find.setNameContains(name);
        find.setPageSize(1000);
        return Clientele.customers(Clientele.ADMIN).findCustomers(find).getCustomer().size();
    }

    private static CustomerPortType withKey(CustomerPortType port, String key) throws Exception {
        Document doc = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
        Element context = doc.createElementNS(NS, "c:RequestContext");
        Element k = doc.createElementNS(NS, "c:idempotencyKey");
        k.setTextContent(key);
        context.appendChild(k);
        List<Header> headers = new ArrayList<>();
        headers.add(new Header(new QName(NS, "RequestContext"), context));
        ((BindingProvider) port).getRequestContext().put(Header.HEADER_LIST, headers);
        return port;
    }

    /** The replayed flag of the last response's ResponseContext header. */
    private static String replayed(CustomerPortType port) {
        Client client = ClientProxy.getClient(port);
        Object headers = client.getResponseContext().get(Header.HEADER_LIST);
        if (headers instanceof List<?> list) {
            for (Object h : list) {
                if (h instanceof Header header && header.getName().equals(new QName(NS, "ResponseContext"))
                        && header.getObject() instanceof Element e) {
                    return e.getElementsByTagNameNS(NS, "replayed").item(0).getTextContent();
                }
            }
        }
        throw new AssertionError("the response has no ResponseContext header");
    }
}
