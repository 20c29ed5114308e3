package org.clientele.it;

import static org.clientele.it.CustomerOperationsIT.contact;
import static org.clientele.it.CustomerOperationsIT.data;
import static org.clientele.it.CustomerOperationsIT.describe;
import static org.clientele.it.CustomerOperationsIT.get;
import static org.clientele.it.CustomerOperationsIT.key;
import static org.clientele.it.CustomerOperationsIT.newCustomer;
import static org.clientele.it.CustomerOperationsIT.uid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.clientele.ws.common.CrmFaultDetail;
import org.clientele.ws.common.ErrorCode;
import org.clientele.ws.common.ItemResult;
import org.clientele.ws.customer.Contact;
import org.clientele.ws.customer.CreateCustomers;
import org.clientele.ws.common.CrmFault;
import org.clientele.ws.customer.Customer;
import org.clientele.ws.customer.CustomerChange;
import org.clientele.ws.customer.CustomerData;
import org.clientele.ws.customer.CustomerPortType;
import org.clientele.ws.customer.CustomerUpsert;
import org.clientele.ws.customer.FindCustomers;
import org.clientele.ws.customer.GetCustomers;
import org.clientele.ws.customer.MergeCustomers;
import org.clientele.ws.customer.UpdateCustomers;
import org.clientele.ws.customer.UpsertCustomers;
import org.junit.jupiter.api.Test;

/** Parallel writers against one server: no update is ever lost, and of two racing writers to one record or key exactly one wins. */
class ConcurrencyIT {

    private static final int THREADS = 8;
    private static final int UPDATES_PER_THREAD = 3;
    /** Far more than contention on 8 threads ever needs; it only keeps a broken server from hanging the build. */
    private static final int MAX_ATTEMPTS = 500;

    @Test
    void readModifyWriteLoopsNeverLoseAnUpdate() throws Exception {
        long id = create("Contended " + uid());
        AtomicInteger conflicts = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Callable<Integer>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            workers.add(() -> {
                // one proxy per thread, as concurrent integrators would have
                CustomerPortType port = Clientele.customers(Clientele.INTEGRATION);
                start.await(30, TimeUnit.SECONDS);
                int succeeded = 0;
                for (int k = 0; k < UPDATES_PER_THREAD; k++) {
                    for (int attempt = 1; ; attempt++) {
                        if (attempt > MAX_ATTEMPTS) {
                            fail("thread " + thread + " could not apply update " + k);
                        }
                        Customer current = read(port, id);
                        CustomerData next = current.getData();
                        // each thread appends its own marker: a lost update would lose a contact
                        next.getContact().add(contact("T" + thread, "U" + k, null, null, false));
                        ItemResult r = update(port, id, current.getVersion(), next);
                        if (r.isSuccess()) {
                            assertEquals(current.getVersion() + 1, r.getVersion(), "one update, one version");
                            succeeded++;
                            break;
                        }
                        assertEquals(ErrorCode.CONCURRENCY, r.getError().get(0).getCode(), () -> describe(r));
                        conflicts.incrementAndGet();
                    }
                }
                return succeeded;
            });
        }
        int successes = 0;
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (Future<Integer> f : pool.invokeAll(workers, 150, TimeUnit.SECONDS)) {
                successes += f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(THREADS * UPDATES_PER_THREAD, successes);
        Customer end = get(id);
        assertEquals(successes, end.getVersion(), "the version counts exactly the successful updates");
        Set<String> markers = new HashSet<>();
        for (Contact c : end.getData().getContact()) {
            assertTrue(markers.add(c.getFirstName() + "/" + c.getLastName()), "contact added twice: " + c.getFirstName());
        }
        Set<String> expected = new HashSet<>();
        for (int t = 0; t < THREADS; t++) {
            for (int k = 0; k < UPDATES_PER_THREAD; k++) {
                expected.add("T" + t + "/U" + k);
            }
        }
        assertEquals(expected, markers, "every thread's every update survived (" + conflicts.get() + " conflicts retried)");
    }

    @Test
    void ofTwoRacingUpdatesWithTheSameExpectedVersionExactlyOneWins() throws Exception {
        String name = "Race " + uid();
        long id = create(name);
        CustomerPortType[] ports = {Clientele.customers(Clientele.INTEGRATION), Clientele.customers(Clientele.ADMIN)};
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (long round = 0; round < 10; round++) {
                long expectedVersion = round;
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<ItemResult>> racers = new ArrayList<>();
                for (int r = 0; r < 2; r++) {
                    CustomerPortType port = ports[r];
                    String newName = name + " round " + round + " racer " + r;
                    racers.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return update(port, id, expectedVersion, data(newName));
                    }));
                }
                ItemResult a = racers.get(0).get(60, TimeUnit.SECONDS);
                ItemResult b = racers.get(1).get(60, TimeUnit.SECONDS);
                assertTrue(a.isSuccess() ^ b.isSuccess(), "round " + round + ": " + describe(a) + " / " + describe(b));
                ItemResult winner = a.isSuccess() ? a : b;
                ItemResult loser = a.isSuccess() ? b : a;
                assertEquals(ErrorCode.CONCURRENCY, loser.getError().get(0).getCode(), describe(loser));
                assertEquals(expectedVersion + 1, winner.getVersion());
                Customer now = get(id);
                assertEquals(expectedVersion + 1, now.getVersion());
                assertEquals(name + " round " + round + " racer " + (a.isSuccess() ? 0 : 1), now.getData().getName(),
                        "the stored data is the winner's");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void racingCreatesWithTheSameExternalKeyLeaveOneOwner() throws Exception {
        for (int round = 0; round < 5; round++) {
            String u = uid();
            List<ItemResult> results = race(port -> {
                CustomerData d = data("Key Race " + u);
                d.getExternalKey().add(key("RACE", u));
                CreateCustomers req = new CreateCustomers();
                req.getCustomer().add(newCustomer(d, null));
                return port.createCustomers(req).getResult().get(0);
            });
            ItemResult a = results.get(0);
            ItemResult b = results.get(1);
            assertTrue(a.isSuccess() ^ b.isSuccess(), describe(a) + " / " + describe(b));
            ItemResult loser = a.isSuccess() ? b : a;
            assertEquals(ErrorCode.VALIDATION, loser.getError().get(0).getCode(), describe(loser));
            assertEquals("externalKey", loser.getError().get(0).getField());
            assertEquals(1, countNamed("Key Race " + u));
        }
    }

    @Test
    void aBatchThatLosesAKeyRaceFailsOnlyThatItemOrRollsBackWithAllOrNone() throws Exception {
        for (boolean allOrNone : new boolean[] {false, true}) {
            for (int round = 0; round < 3; round++) {
                String u = uid();
                AtomicInteger racer = new AtomicInteger();
                List<List<ItemResult>> results = race(port -> {
                    String own = "Batch Race " + u + " own " + racer.getAndIncrement();
                    CustomerData shared = data("Batch Race " + u + " shared");
                    shared.getExternalKey().add(key("RACE", u));
                    CreateCustomers req = new CreateCustomers();
                    req.getCustomer().add(newCustomer(data(own), "own"));
                    req.getCustomer().add(newCustomer(shared, "shared"));
                    req.setAllOrNone(allOrNone);
                    return port.createCustomers(req).getResult();
                });
                List<ItemResult> winner = results.get(0).get(1).isSuccess() ? results.get(0) : results.get(1);
                List<ItemResult> loser = winner == results.get(0) ? results.get(1) : results.get(0);
                String why = "allOrNone=" + allOrNone + ": " + loser.stream().map(CustomerOperationsIT::describe).toList();
                assertTrue(winner.get(0).isSuccess() && winner.get(1).isSuccess(), why);
                assertEquals(List.of("own", "shared"), loser.stream().map(ItemResult::getClientRef).toList());
                assertFalse(loser.get(1).isSuccess(), why);
                assertEquals(ErrorCode.VALIDATION, loser.get(1).getError().get(0).getCode(), why);
                if (allOrNone) {
                    assertFalse(loser.get(0).isSuccess(), why);
                    assertEquals(ErrorCode.ROLLED_BACK, loser.get(0).getError().get(0).getCode(), why);
                } else {
                    assertTrue(loser.get(0).isSuccess(), why);
                }
                assertEquals(allOrNone ? 2 : 3, countNamed("Batch Race " + u), why);
                assertEquals(1, countNamed("Batch Race " + u + " shared"), why);
            }
        }
    }

    @Test
    void racingUpsertsOfANewKeyCreateOnceAndUpdateOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            String u = uid();
            List<ItemResult> results = race(port -> {
                CustomerUpsert item = new CustomerUpsert();
                item.setKey(key("RACE", u));
                item.setData(data("Upsert Race " + u));
                UpsertCustomers req = new UpsertCustomers();
                req.getCustomer().add(item);
                return port.upsertCustomers(req).getResult().get(0);
            });
            ItemResult a = results.get(0);
            ItemResult b = results.get(1);
            assertTrue(a.isSuccess() && b.isSuccess(), describe(a) + " / " + describe(b));
            assertEquals(Set.of(true, false), Set.of(a.isCreated(), b.isCreated()), "one creates, the other updates");
            assertEquals(a.getId(), b.getId());
            assertEquals(1, countNamed("Upsert Race " + u));
            assertEquals(1L, get(a.getId()).getVersion());
        }
    }

    @Test
    void racingMergesOfTheSameDuplicateLetOnlyOneMasterHaveIt() throws Exception {
        for (int round = 0; round < 5; round++) {
            String u = uid();
            long master1 = create("Merge Race M1 " + u);
            long master2 = create("Merge Race M2 " + u);
            CustomerData dd = data("Merge Race D " + u);
            dd.getContact().add(contact("Dup", "Contact", null, null, false));
            dd.getExternalKey().add(key("RACE", u));
            long dup = createData(dd);
            long[] masters = {master1, master2};
            AtomicInteger turn = new AtomicInteger();
            List<Object> outcomes = race(port -> {
                MergeCustomers m = new MergeCustomers();
                m.setMasterId(masters[turn.getAndIncrement() % 2]);
                m.getDuplicateId().add(dup);
                try {
                    return port.mergeCustomers(m).getMaster();
                } catch (CrmFault f) {
                    return f.getFaultInfo();
                }
            });
            List<Customer> won = outcomes.stream().filter(o -> o instanceof Customer).map(o -> (Customer) o).toList();
            List<CrmFaultDetail> lost = outcomes.stream().filter(o -> o instanceof CrmFaultDetail)
                    .map(o -> (CrmFaultDetail) o).toList();
            assertEquals(1, won.size(), "exactly one merge wins: " + lost.stream().map(CrmFaultDetail::getMessage).toList());
            assertEquals(1, lost.size());
            assertTrue(Set.of(ErrorCode.CONCURRENCY, ErrorCode.VALIDATION).contains(lost.get(0).getCode()),
                    lost.get(0).getCode() + ": " + lost.get(0).getMessage());
            long winner = won.get(0).getId();
            long other = winner == master1 ? master2 : master1;
            assertEquals(winner, get(dup).getMergedInto());
            assertEquals(1, get(winner).getData().getContact().size());
            assertEquals(1, get(winner).getData().getExternalKey().size());
            Customer untouched = get(other);
            assertTrue(untouched.getData().getContact().isEmpty(), "the losing master got nothing");
            assertTrue(untouched.getData().getExternalKey().isEmpty());
            assertEquals(0L, untouched.getVersion());
        }
    }

    /** Runs the call on two threads (own proxies) released together; results in thread order. */
    private static <T> List<T> race(Call<T> call) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                CustomerPortType port = Clientele.customers(i == 0 ? Clientele.INTEGRATION : Clientele.ADMIN);
                futures.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return call.apply(port);
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A SOAP call made by one racer. */
    @FunctionalInterface
    private interface Call<T> {
        T apply(CustomerPortType port) throws Exception;
    }

    private static int countNamed(String name) throws Exception {
        FindCustomers f = new FindCustomers();
        f.setNameContains(name);
        f.setIncludeDeleted(true);
        return Clientele.customers(Clientele.READONLY).findCustomers(f).getCustomer().size();
    }

    private static long createData(CustomerData d) throws Exception {
        CreateCustomers req = new CreateCustomers();
        req.getCustomer().add(newCustomer(d, null));
        ItemResult r = Clientele.customers(Clientele.INTEGRATION).createCustomers(req).getResult().get(0);
        assertTrue(r.isSuccess(), () -> describe(r));
        return r.getId();
    }

    private static long create(String name) throws Exception {
        CreateCustomers req = new CreateCustomers();
        req.getCustomer().add(newCustomer(data(name), null));
        ItemResult r = Clientele.customers(Clientele.INTEGRATION).createCustomers(req).getResult().get(0);
        assertTrue(r.isSuccess(), () -> describe(r));
        return r.getId();
    }

    private static Customer read(CustomerPortType port, long id) throws Exception {
        GetCustomers req = new GetCustomers();
        req.getId().add(id);
        return port.getCustomers(req).getLookup().get(0).getCustomer();
    }

    private static ItemResult update(CustomerPortType port, long id, long expectedVersion, CustomerData d) throws Exception {
        CustomerChange ch = new CustomerChange();
        ch.setId(id);
        ch.setExpectedVersion(expectedVersion);
        ch.setData(d);
        UpdateCustomers req = new UpdateCustomers();
        req.getCustomer().add(ch);
        List<ItemResult> results = port.updateCustomers(req).getResult();
        assertEquals(1, results.size());
        return results.get(0);
    }
}
