package org.clientele.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.clientele.ws.common.ItemResult;
import org.clientele.ws.customer.CreateCustomers;
import org.clientele.ws.customer.CustomerLookup;
import org.clientele.ws.customer.CustomerPortType;
import org.clientele.ws.customer.CustomerUpsert;
import org.clientele.ws.customer.FindCustomers;
import org.clientele.ws.customer.GetCustomers;
import org.clientele.ws.customer.NewCustomer;
import org.clientele.ws.customer.UpsertCustomers;
import org.clientele.ws.status.Ping;
import org.clientele.ws.status.StatusPortType;
import org.clientele.ws.sync.GetChanges;
import org.clientele.ws.sync.GetChangesResponse;
import org.clientele.ws.sync.SyncPortType;

/** The load the users put on Clientele: call-centre reads and searches, ERP batch writes and the change feed. */
final class Scenarios {
    /** Numbers the new customers' keys across every step of the run (the warm-up and the measured steps included). */
    private static final AtomicLong NEW_KEYS = new AtomicLong();
    private Scenarios() {
    }

    static List<Scenario> all(BenchConfig config, BenchClients clients, Loader.Loaded loaded) {
        String run = Long.toString(System.currentTimeMillis(), 36);
        DataSet data = new DataSet(config.seed());
        int size = config.customers();
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(new Scenario("ping", "StatusService.ping, unsecured (baseline)", (w, n) -> {
            StatusPortType port = clients.status();
            return () -> {
                port.ping(new Ping());
                return 1;
            };
        }));
        scenarios.add(new Scenario("getCustomers-1", "getCustomers with one id, UsernameToken", (w, n) -> {
            CustomerPortType port = clients.customers();
            Random random = new Random(config.seed() + w);
            long[] ids = loaded.sampleIds();
            return () -> {
                GetCustomers get = new GetCustomers();
                get.getId().add(ids[random.nextInt(ids.length)]);
                CustomerLookup lookup = port.getCustomers(get).getLookup().get(0);
                if (lookup.getCustomer() == null) {
                    throw new IllegalStateException("customer " + lookup.getId() + " not found");
                }
                return 1;
            };
        }));
        scenarios.add(new Scenario("getCustomers-1-x509",
                "getCustomers with one id, X.509: request and response signed and encrypted", (w, n) -> {
            CustomerPortType port = clients.customersX509();
            Random random = new Random(config.seed() + w);
            long[] ids = loaded.sampleIds();
            return () -> {
                GetCustomers get = new GetCustomers();
                get.getId().add(ids[random.nextInt(ids.length)]);
                CustomerLookup lookup = port.getCustomers(get).getLookup().get(0);
                if (lookup.getCustomer() == null) {
                    throw new IllegalStateException("customer " + lookup.getId() + " not found");
                }
                return 1;
            };
        }));
        scenarios.add(new Scenario("findCustomers-100", "findCustomers, first page of 100, nameContains filter", (w, n) -> {
            CustomerPortType port = clients.customers();
            Random random = new Random(config.seed() + w);
            return () -> {
                FindCustomers find = new FindCustomers();
                find.setNameContains(DataSet.WORDS[random.nextInt(DataSet.WORDS.length)].toLowerCase());
                find.setPageSize(100);
                return port.findCustomers(find).getCustomer().size();
            };
        }));
        scenarios.add(create("createCustomers-1", 1, clients, run));
        scenarios.add(create("createCustomers-200", 200, clients, run));
        scenarios.add(new Scenario("upsertCustomers-200", "upsertCustomers, 200 items, 100 existing and 100 new", (w, n) -> {
            CustomerPortType port = clients.customers();
            Random random = new Random(config.seed() + w);
            int[] position = {0};
            int perWorker = Math.max(1, size / n);
            return () -> {
                UpsertCustomers upsert = new UpsertCustomers();
                for (int i = 0; i < 200; i++) {
                    CustomerUpsert item = new CustomerUpsert();
                    item.setClientRef(String.valueOf(i));
                    if (i % 2 == 0) {
                        // each worker owns every n-th customer, so concurrent workers never race for one row
                        int index = Math.min(size - 1, w + n * (position[0]++ % perWorker));
                        item.setKey(data.key(index));
                        item.setData(data.customer(index));
                        item.getData().setOwner("upsert-" + run);
                    } else {
                        String id = "u" + run + "-" + NEW_KEYS.incrementAndGet();
                        item.setKey(DataSet.key(id));
                        item.setData(DataSet.generate(random, id));
                        item.getData().getExternalKey().add(DataSet.key(id));
                    }
                    upsert.getCustomer().add(item);
                }
                return succeeded(port.upsertCustomers(upsert).getResult());
            };
        }));
        scenarios.add(new Scenario("getChanges-1000", "getChanges, pages of 1,000 over the change feed", (w, n) -> {
            SyncPortType port = clients.sync();
            String[] cursor = {null};
            return () -> {
                GetChanges get = new GetChanges();
                get.setCursor(cursor[0]);
                get.setMaxChanges(1000);
                GetChangesResponse page = port.getChanges(get);
                cursor[0] = page.isHasMore() ? page.getNextCursor() : null;
                return page.getChange().size();
            };
        }));
        scenarios.removeIf(s -> !config.runs(s.name()));
        return scenarios;
    }

    private static Scenario create(String name, int items, BenchClients clients, String run) {
        return new Scenario(name, "createCustomers with " + items + " item(s)", (w, n) -> {
            CustomerPortType port = clients.customers();
            Random random = new Random(31L * w + items);
            return () -> {
                CreateCustomers create = new CreateCustomers();
                for (int i = 0; i < items; i++) {
                    String id = "n" + run + "-" + items + "-" + NEW_KEYS.incrementAndGet();
                    NewCustomer item = new NewCustomer();
                    item.setClientRef(String.valueOf(i));
                    item.setData(DataSet.generate(random, id));
                    item.getData().getExternalKey().add(DataSet.key(id));
                    create.getCustomer().add(item);
                }
                return succeeded(port.createCustomers(create).getResult());
            };
        });
    }

    /** Every item must succeed: a failed item is an error of the call. */
    private static int succeeded(List<ItemResult> results) {
        Loader.requireSuccess(results);
        return results.size();
    }
}
