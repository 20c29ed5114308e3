package org.clientele.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.clientele.ws.common.ItemResult;
import org.clientele.ws.customer.Address;
import org.clientele.ws.customer.AddressType;
import org.clientele.ws.customer.CreateCustomers;
import org.clientele.ws.customer.CustomerChange;
import org.clientele.ws.customer.CustomerLookup;
import org.clientele.ws.customer.CustomerPortType;
import org.clientele.ws.customer.CustomerRef;
import org.clientele.ws.customer.DeleteCustomers;
import org.clientele.ws.customer.GetCustomers;
import org.clientele.ws.customer.MergeCustomers;
import org.clientele.ws.customer.NewCustomer;
import org.clientele.ws.customer.UndeleteCustomers;
import org.clientele.ws.customer.UpdateCustomers;
import org.clientele.ws.sync.Change;
import org.clientele.ws.sync.EntityType;
import org.clientele.ws.sync.GetChanges;
import org.clientele.ws.sync.GetChangesResponse;
import org.clientele.ws.sync.GetLatestCursor;
import org.clientele.ws.sync.SyncPortType;
import org.junit.jupiter.api.Test;

/**
 * Proves the change feed is gap-free under load: 8 concurrent writers (creates, updates of shared customers,
 * deletes, undeletes, merges, and allOrNone batches that roll back) make more than 20,000 changes while a
 * reader polls getChanges. The reader must never see a sequence lower than one it has already seen, and the
 * feed replayed into an empty map (last version and deleted state per customer) must equal the database.
 */
class GapFreeFeedIT {
    private static final int WRITERS = 8;
    private static final int ROUNDS = 11;
    private static final int BATCH = 200;

    /** What the feed says about one customer after replay. */
    private record State(long version, boolean deleted, Long mergedInto) {
    }

    @Test
    void concurrentWritersAndAReaderAgreeWithTheDatabase() throws Exception {
        SyncPortType sync = SyncClients.sync(Clientele.INTEGRATION);
        String start = sync.getLatestCursor(new GetLatestCursor()).getCursor();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Set<Long> created = ConcurrentHashMap.newKeySet();
        List<Long> pool = new CopyOnWriteArrayList<>();
        AtomicLong writes = new AtomicLong();
        AtomicBoolean writing = new AtomicBoolean(true);

        List<Change> seen = Collections.synchronizedList(new ArrayList<>());
        String[] cursor = {start};
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 1);
        try {
            Future<?> reader = threads.submit(() -> {
                long lastSequence = -1;
                SyncPortType feed = SyncClients.sync(Clientele.READONLY);
                while (writing.get()) {
                    GetChanges get = new GetChanges();
                    get.setCursor(cursor[0]);
                    get.setMaxChanges(5000);
                    GetChangesResponse page = feed.getChanges(get);
                    for (Change c : page.getChange()) {
                        assertTrue(c.getSequence() > lastSequence,
                                "sequence " + c.getSequence() + " seen after " + lastSequence);
                        lastSequence = c.getSequence();
                        seen.add(c);
                    }
                    cursor[0] = page.getNextCursor();
                    if (!page.isHasMore()) {
                        Thread.sleep(50);
                    }
                }
                return null;
            });
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(threads.submit(() -> {
                    write(writer, run, created, pool, writes);
                    return null;
                }));
            }
            for (Future<?> f : writers) {
                f.get(15, TimeUnit.MINUTES);
            }
            writing.set(false);
            reader.get(2, TimeUnit.MINUTES);
        } finally {
            writing.set(false);
            threads.shutdownNow();
        }

        // drain what the writers committed last, then compare
        Map<Long, State> database = databaseState(created);
        Map<Long, State> replayed = Map.of();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        long lastSequence = seen.isEmpty() ? -1 : seen.get(seen.size() - 1).getSequence();
        while (Instant.now().isBefore(deadline)) {
            GetChanges get = new GetChanges();
            get.setCursor(cursor[0]);
            get.setMaxChanges(5000);
            GetChangesResponse page = sync.getChanges(get);
            for (Change c : page.getChange()) {
                assertTrue(c.getSequence() > lastSequence, "sequence went backwards");
                lastSequence = c.getSequence();
                seen.add(c);
            }
            cursor[0] = page.getNextCursor();
            replayed = replay(seen, created);
            if (!page.isHasMore() && replayed.equals(database)) {
                break;
            }
            Thread.sleep(200);
        }
        long ours = seen.stream().filter(c -> c.getEntityType() == EntityType.CUSTOMER && created.contains(c.getEntityId())).count();
        assertTrue(ours >= 20_000, "the test must make at least 20,000 changes, made " + ours);
        assertEquals(database.size(), replayed.size(), "every customer must be in the feed");
        assertEquals(database, replayed, "the replayed feed must equal the database");
    }

    /** One writer: creates, shared updates, deletes, undeletes, merges and rolled-back batches, interleaved. */
    private static void write(int writer, String run, Set<Long> created, List<Long> pool, AtomicLong writes) throws Exception {
        CustomerPortType customers = Clientele.customers(Clientele.INTEGRATION);
        Random random = new Random(writer);
        List<Long> mine = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            CreateCustomers create = new CreateCustomers();
            for (int i = 0; i < BATCH; i++) {
                create.getCustomer().add(SyncIT.item("Gap " + run + " w" + writer + " r" + round + " #" + i));
            }
            for (ItemResult r : customers.createCustomers(create).getResult()) {
                assertTrue(r.isSuccess(), () -> r.getError().get(0).getMessage());
                mine.add(r.getId());
                created.add(r.getId());
                pool.add(r.getId());
            }
            // updates of customers any writer created: concurrent writes to the same customer
            for (int u = 0; u < 4; u++) {
                UpdateCustomers update = new UpdateCustomers();
                for (int i = 0; i < 10; i++) {
                    CustomerChange change = new CustomerChange();
                    change.setId(pool.get(random.nextInt(pool.size())));
                    change.setData(SyncIT.item("Gap " + run + " updated by w" + writer).getData());
                    update.getCustomer().add(change);
                }
                customers.updateCustomers(update); // items may fail (merged, deleted, lost race): no change then
            }
            // a batch that rolls back as a whole
            CreateCustomers doomed = new CreateCustomers();
            doomed.getCustomer().add(SyncIT.item("Gap " + run + " doomed"));
            NewCustomer bad = SyncIT.item("Gap " + run + " bad");
            Address nowhere = new Address();
            nowhere.setType(AddressType.MAIN);
            nowhere.setLine1("Nowhere 1");
            nowhere.setCity("Nowhere");
            nowhere.setCountryCode("XX");
            bad.getData().getAddress().add(nowhere);
            doomed.getCustomer().add(bad);
            doomed.setAllOrNone(true);
            assertTrue(customers.createCustomers(doomed).getResult().stream().noneMatch(ItemResult::isSuccess));
            // deletes, undeletes and a merge of this writer's own customers
            int base = round * BATCH;
            DeleteCustomers delete = new DeleteCustomers();
            for (int i = 0; i < 10; i++) {
                delete.getCustomer().add(ref(mine.get(base + i)));
            }
            customers.deleteCustomers(delete);
            UndeleteCustomers undelete = new UndeleteCustomers();
            for (int i = 0; i < 5; i++) {
                undelete.getCustomer().add(ref(mine.get(base + i)));
            }
            customers.undeleteCustomers(undelete);
            MergeCustomers merge = new MergeCustomers();
            merge.setMasterId(mine.get(base + 20));
            merge.getDuplicateId().add(mine.get(base + 21));
            for (int attempt = 1; ; attempt++) {
                try {
                    customers.mergeCustomers(merge);
                    break;
                } catch (org.clientele.ws.common.CrmFault e) {
                    // another writer updated the master or the duplicate meanwhile: retryable, as the fault says
                    if (!e.getFaultInfo().isRetryable() || attempt == 5) {
                        throw e;
                    }
                }
            }
            writes.incrementAndGet();
        }
    }

    private static CustomerRef ref(long id) {
        CustomerRef ref = new CustomerRef();
        ref.setId(id);
        return ref;
    }

    /** The feed replayed: the last version and deleted state of every customer of this test. */
    private static Map<Long, State> replay(List<Change> changes, Set<Long> ours) {
        Map<Long, State> state = new HashMap<>();
        synchronized (changes) {
            for (Change c : changes) {
                if (c.getEntityType() != EntityType.CUSTOMER || !ours.contains(c.getEntityId())) {
                    continue;
                }
                State before = state.get(c.getEntityId());
                if (before != null) {
                    assertTrue(c.getEntityVersion() > before.version(), "versions of customer " + c.getEntityId()
                            + " must grow along the feed: " + before.version() + " then " + c.getEntityVersion());
                }
                boolean deleted = switch (c.getOperation()) {
                    case DELETED, MERGED -> true;
                    case UNDELETED, CREATED -> false;
                    case UPDATED -> before != null && before.deleted();
                };
                state.put(c.getEntityId(), new State(c.getEntityVersion(), deleted, c.getMergedInto()));
            }
        }
        return state;
    }

    /** The database's state of the same customers, read with getCustomers. */
    private static Map<Long, State> databaseState(Set<Long> ids) throws Exception {
        CustomerPortType customers = Clientele.customers(Clientele.READONLY);
        Map<Long, State> state = new HashMap<>();
        List<Long> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += 200) {
            GetCustomers get = new GetCustomers();
            get.getId().addAll(all.subList(i, Math.min(all.size(), i + 200)));
            for (CustomerLookup l : customers.getCustomers(get).getLookup()) {
                state.put(l.getId(), new State(l.getCustomer().getVersion(), l.getCustomer().isDeleted(),
                        l.getCustomer().getMergedInto()));
            }
        }
        return state;
    }
}
