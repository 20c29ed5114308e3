package org.clientele.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.xml.ws.BindingProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.headers.Header;
import org.clientele.ws.common.ErrorCode;
import org.clientele.ws.common.ItemResult;
import org.clientele.ws.customer.CreateCustomers;
import org.clientele.ws.common.CrmFault;
import org.clientele.ws.customer.CustomerPortType;
import org.clientele.ws.customer.FindCustomers;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import org.junit.jupiter.api.Test;

/**
 * Retried writes with an idempotency key: a retry returns the first call's results without creating anything,
 * says it is a replay, a different request with the same key is refused, and concurrent duplicates run once.
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
        List<ItemResult> retry = port.createCustomers(request(name, 3)).getResult();
        assertEquals("true", replayed(port));
        assertEquals(ids(first), ids(retry));
        assertEquals(List.of("r0", "r1", "r2"), retry.stream().map(ItemResult::getClientRef).toList());
        assertEquals(3, count(name));
    }

    @Test
    void theSameKeyWithAnotherRequestIsAConflict() throws Exception {
        String key = "conflict-" + UUID.randomUUID();
        CustomerPortType port = withKey(Clientele.customers(Clientele.INTEGRATION), key);
        port.createCustomers(request("Conflict A " + key, 1));
        CrmFault fault = assertThrows(CrmFault.class, () -> port.createCustomers(request("Conflict B " + key, 1)));
        assertEquals(ErrorCode.IDEMPOTENCY_CONFLICT, fault.getFaultInfo().getCode());
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
        assertTrue(results.stream().allMatch(ItemResult::isSuccess));
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
