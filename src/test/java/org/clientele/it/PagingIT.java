package org.clientele.it;

import static org.clientele.it.CustomerOperationsIT.data;
import static org.clientele.it.CustomerOperationsIT.describe;
import static org.clientele.it.CustomerOperationsIT.fault;
import static org.clientele.it.CustomerOperationsIT.newCustomer;
import static org.clientele.it.CustomerOperationsIT.uid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.clientele.ws.common.CrmFaultDetail;
import org.clientele.ws.common.ErrorCode;
import org.clientele.ws.common.ItemResult;
import org.clientele.ws.customer.CreateCustomers;
import org.clientele.ws.customer.Customer;
import org.clientele.ws.customer.CustomerData;
import org.clientele.ws.customer.CustomerPortType;
import org.clientele.ws.customer.FindCustomers;
import org.clientele.ws.customer.FindCustomersResponse;
import org.junit.jupiter.api.Test;

/** Keyset paging of findCustomers: stable under concurrent inserts, and its signed tokens cannot be altered or reused. */
class PagingIT {

    private static final int PRE_EXISTING = 1_000;
    private static final int PAGE_SIZE = 97;
    private static final CustomerPortType WRITER = Clientele.customers(Clientele.INTEGRATION);
    private static final CustomerPortType READER = Clientele.customers(Clientele.MARKETING);

    @Test
    void pagingWhileOthersInsertReturnsEveryPreExistingMatchExactlyOnce() throws Exception {
        String segment = "PG-" + uid();
        Set<Long> preExisting = new HashSet<>();
        for (int batch = 0; batch < PRE_EXISTING / 200; batch++) {
            preExisting.addAll(createBatch(segment, "pre" + batch, 200));
        }
        assertEquals(PRE_EXISTING, preExisting.size());

        Set<Long> inserted = ConcurrentHashMap.newKeySet();
        AtomicBoolean paging = new AtomicBoolean(true);
        CountDownLatch firstInsert = new CountDownLatch(1);
        ExecutorService inserter = Executors.newSingleThreadExecutor();
        Future<Integer> insertions = inserter.submit(() -> {
            CustomerPortType port = Clientele.customers(Clientele.INTEGRATION);
            int calls = 0;
            while (paging.get()) {
                inserted.addAll(createBatch(port, segment, "late" + calls, 5));
                calls++;
                firstInsert.countDown();
            }
            return calls;
        });

        List<Long> seen = new ArrayList<>();
        int pages = 0;
        try {
            assertTrue(firstInsert.await(60, TimeUnit.SECONDS), "the inserter never got going");
            FindCustomers f = new FindCustomers();
            f.setSegment(segment);
            f.setPageSize(PAGE_SIZE);
            do {
                FindCustomersResponse page = READER.findCustomers(f);
                pages++;
                assertTrue(page.getCustomer().size() <= PAGE_SIZE);
                page.getCustomer().forEach(c -> {
                    assertEquals(segment, c.getData().getSegment());
                    seen.add(c.getId());
                });
                f.setPageToken(page.getNextPageToken());
            } while (f.getPageToken() != null);
        } finally {
            paging.set(false);
            inserter.shutdown();
        }
        int insertCalls = insertions.get(60, TimeUnit.SECONDS);
        assertTrue(inserter.awaitTermination(60, TimeUnit.SECONDS));

        Set<Long> distinct = new HashSet<>(seen);
        assertEquals(seen.size(), distinct.size(), "no customer may be returned twice");
        assertEquals(seen.stream().sorted().toList(), seen, "pages come in ascending id order");
        Set<Long> missing = new HashSet<>(preExisting);
        missing.removeAll(distinct);
        assertEquals(Set.of(), missing, "every pre-existing customer must be returned");
        Set<Long> strangers = new HashSet<>(distinct);
        strangers.removeAll(preExisting);
        strangers.removeAll(inserted);
        assertEquals(Set.of(), strangers, "only customers of this segment may be returned");
        assertTrue(pages >= (PRE_EXISTING + PAGE_SIZE - 1) / PAGE_SIZE, "pages: " + pages);
        assertTrue(insertCalls > 0 && !inserted.isEmpty(), "inserts ran while paging");
    }

    @Test
    void tamperedTokenIsRefused() throws Exception {
        String segment = "PT-" + uid();
        createBatch(segment, "t", 3);
        FindCustomers f = new FindCustomers();
        f.setSegment(segment);
        f.setPageSize(1);
        String token = READER.findCustomers(f).getNextPageToken();
        assertNotNull(token);

        // flip one character of the signed payload (not the last one, whose low bits base64 may ignore)
        char[] chars = token.toCharArray();
        int at = Math.min(8, token.indexOf('.') - 2);
        chars[at] = chars[at] == 'A' ? 'B' : 'A';
        String tampered = new String(chars);
        assertNotEquals(token, tampered);
        f.setPageToken(tampered);
        CrmFaultDetail d = fault(() -> READER.findCustomers(f));
        assertEquals(ErrorCode.VALIDATION, d.getCode());
        assertEquals("pageToken", d.getField());

        f.setPageToken("not-a-token");
        assertEquals("pageToken", fault(() -> READER.findCustomers(f)).getField());

        // the genuine token still works with the filters it was issued for
        f.setPageToken(token);
        List<Customer> second = READER.findCustomers(f).getCustomer();
        assertEquals(1, second.size());
    }

    @Test
    void tokenReusedWithOtherFiltersIsRefused() throws Exception {
        String segment = "PF-" + uid();
        createBatch(segment, "f", 3);
        FindCustomers first = new FindCustomers();
        first.setSegment(segment);
        first.setPageSize(1);
        String token = READER.findCustomers(first).getNextPageToken();
        assertNotNull(token);

        FindCustomers other = new FindCustomers();
        other.setSegment(segment);
        other.setNameContains("f");
        other.setPageSize(1);
        other.setPageToken(token);
        CrmFaultDetail d = fault(() -> READER.findCustomers(other));
        assertEquals(ErrorCode.VALIDATION, d.getCode());
        assertEquals("pageToken", d.getField());

        FindCustomers otherSegment = new FindCustomers();
        otherSegment.setSegment(segment + "-x");
        otherSegment.setPageToken(token);
        assertEquals(ErrorCode.VALIDATION, fault(() -> READER.findCustomers(otherSegment)).getCode());

        FindCustomers withDeleted = new FindCustomers();
        withDeleted.setSegment(segment);
        withDeleted.setIncludeDeleted(true);
        withDeleted.setPageToken(token);
        assertEquals(ErrorCode.VALIDATION, fault(() -> READER.findCustomers(withDeleted)).getCode());

        // a different page size is not a different query
        FindCustomers bigger = new FindCustomers();
        bigger.setSegment(segment);
        bigger.setPageSize(10);
        bigger.setPageToken(token);
        assertEquals(2, READER.findCustomers(bigger).getCustomer().size());
    }

    private static List<Long> createBatch(String segment, String label, int n) throws Exception {
        return createBatch(WRITER, segment, label, n);
    }

    private static List<Long> createBatch(CustomerPortType port, String segment, String label, int n) throws Exception {
        CreateCustomers req = new CreateCustomers();
        for (int i = 0; i < n; i++) {
            CustomerData d = data(segment + " " + label + " " + i);
            d.setSegment(segment);
            req.getCustomer().add(newCustomer(d, label + i));
        }
        List<Long> ids = new ArrayList<>();
        for (ItemResult r : port.createCustomers(req).getResult()) {
            assertTrue(r.isSuccess(), () -> describe(r));
            ids.add(r.getId());
        }
        return ids;
    }
}
