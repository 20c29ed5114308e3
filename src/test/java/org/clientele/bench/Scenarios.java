package org.clientele.bench;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.clientele.ws.campaign.CampaignPortType;
import org.clientele.ws.campaign.GetCampaignStatistics;
import org.clientele.ws.campaign.NewResponse;
import org.clientele.ws.campaign.RecordCampaignResponses;
import org.clientele.ws.campaign.ResponseStage;
import org.clientele.ws.cases.CaseData;
import org.clientele.ws.cases.CasePortType;
import org.clientele.ws.cases.Channel;
import org.clientele.ws.cases.FindCases;
import org.clientele.ws.cases.NewCase;
import org.clientele.ws.cases.OpenCases;
import org.clientele.ws.cases.Priority;
import org.clientele.ws.common.ItemResult;
import org.clientele.ws.customer.CreateCustomers;
import org.clientele.ws.customer.CustomerData;
import org.clientele.ws.customer.CustomerLookup;
import org.clientele.ws.customer.CustomerPortType;
import org.clientele.ws.customer.CustomerStatus;
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

/** The load the users put on Clientele: call-centre reads and searches, ERP batch writes, the change feed, cases and campaigns. */
final class Scenarios {
    /** Numbers the new customers' keys across every step of the run (the warm-up and the measured steps included). */
    private static final AtomicLong NEW_KEYS = new AtomicLong();
    /** Customers the case scenarios open cases for, so that findCases by customer finds some. */
    private static final int CASE_CUSTOMERS = 200;
    private static final String[] SEGMENTS = {"SMB", "MID", "ENTERPRISE", "PUBLIC"};
    /** An id beyond every sequence value the benchmark's data sets reach. */
    private static final long ABSENT_ID = 4_000_000_000_000_000_000L;

    private Scenarios() {
    }

    /** The scenarios measured at every data-set size: their p99 is compared between sizes. */
    static List<Scenario> growth(BenchConfig config, BenchClients clients, Loader.Loaded loaded) {
        DataSet data = new DataSet(config.seed());
        int size = loaded.size();
        List<Scenario> scenarios = new ArrayList<>();
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
        scenarios.add(find("findCustomers-name", "nameContains: alternately one common name word (broad) and a"
                + " customer's first two name words (selective)", config, clients, (random, find, call) -> {
            if (call % 2 == 0) {
                find.setNameContains(DataSet.WORDS[random.nextInt(DataSet.WORDS.length)].toLowerCase(Locale.ROOT));
            } else {
                String[] words = data.customer(random.nextInt(size)).getName().split(" ");
                find.setNameContains(words[0] + " " + words[1]);
            }
        }));
        scenarios.add(find("findCustomers-email", "email of a random customer of the set (customer's or a contact's)",
                config, clients, (random, find, call) -> {
            CustomerData c = data.customer(random.nextInt(size));
            find.setEmail(call % 2 == 0 ? c.getEmail() : c.getContact().get(0).getEmail());
        }));
        scenarios.add(find("findCustomers-phone", "phone of a random customer of the set", config, clients,
                (random, find, call) -> find.setPhone(data.customer(random.nextInt(size)).getPhone())));
        scenarios.add(find("findCustomers-statusSegment", "status and segment", config, clients, (random, find, call) -> {
            find.setStatus(CustomerStatus.values()[random.nextInt(CustomerStatus.values().length)]);
            find.setSegment(SEGMENTS[random.nextInt(SEGMENTS.length)]);
        }));
        OffsetDateTime[] since = {null};
        scenarios.add(find("findCustomers-modifiedSince", "modifiedSince: the changes of the last 60 s before the step"
                + " (an ERP's poll)", config, clients, (random, find, call) -> {
            if (since[0] == null || call == 0) {
                since[0] = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(60);
            }
            find.setModifiedSince(since[0]);
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

    /** The scenarios measured once, at the largest size, after the growth scenarios. */
    static List<Scenario> others(BenchConfig config, BenchClients clients, Loader.Loaded loaded,
                                 CampaignFixture.Prepared campaign) {
        String run = Long.toString(System.currentTimeMillis(), 36);
        DataSet data = new DataSet(config.seed());
        int size = loaded.size();
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(new Scenario("ping", "StatusService.ping, unsecured (baseline)", (w, n) -> {
            StatusPortType port = clients.status();
            return () -> {
                port.ping(new Ping());
                return 1;
            };
        }));
        // the floor of a secured call: WS-Security, the nonce committed, one primary-key probe that finds nothing and
        // an empty lookup; between ping and getCustomers-1 it shows what security costs and what the read costs
        scenarios.add(new Scenario("getCustomers-absent", "getCustomers with one id that no customer has, UsernameToken",
                (w, n) -> {
            CustomerPortType port = clients.customers();
            return () -> {
                GetCustomers get = new GetCustomers();
                get.getId().add(ABSENT_ID);
                CustomerLookup lookup = port.getCustomers(get).getLookup().get(0);
                if (lookup.getCustomer() != null || lookup.getError() == null) {
                    throw new IllegalStateException("customer " + ABSENT_ID + " exists");
                }
                return 1;
            };
        }));
        scenarios.add(create("createCustomers-1", 1, clients, run));
        scenarios.add(create("createCustomers-200", 200, clients, run));
        if (config.postgres()) {
            scenarios.add(new JdbcBaseline(config, run).scenario());
        }
        scenarios.add(new Scenario("upsertCustomers-200", "upsertCustomers, 200 items, 100 existing and 100 new", (w, n) -> {
            CustomerPortType port = clients.customers();
            Random random = new Random(config.seed() + w);
            int[] position = {0};
            // the existing half comes from the upper half of the set, away from the measured campaign's members
            // (the first customers): the upsert replaces their contacts, and responses are recorded through those
            int perWorker = Math.max(1, size / 2 / n);
            return () -> {
                UpsertCustomers upsert = new UpsertCustomers();
                for (int i = 0; i < 200; i++) {
                    CustomerUpsert item = new CustomerUpsert();
                    item.setClientRef(String.valueOf(i));
                    if (i % 2 == 0) {
                        // each worker owns every n-th customer, so concurrent workers never race for one row
                        int index = Math.max(0, size - 1 - (w + n * (position[0]++ % perWorker)));
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
        long[] caseCustomers = java.util.Arrays.copyOf(loaded.sampleIds(), Math.min(CASE_CUSTOMERS, loaded.sampleIds().length));
        scenarios.add(new Scenario("openCases-200", "openCases, 200 cases for customers of a fixed set of 200", (w, n) -> {
            CasePortType port = clients.cases();
            Random random = new Random(config.seed() + 13L * w);
            Priority[] priorities = Priority.values();
            return () -> {
                OpenCases open = new OpenCases();
                for (int i = 0; i < 200; i++) {
                    CaseData c = new CaseData();
                    c.setCustomerId(caseCustomers[random.nextInt(caseCustomers.length)]);
                    c.setSubject("Lieferung " + random.nextInt(100_000) + " unvollstaendig");
                    c.setDescription("Position " + random.nextInt(50) + " fehlt, bitte nachliefern.");
                    c.setPriority(priorities[random.nextInt(priorities.length)]);
                    c.setChannel(Channel.ERP);
                    c.setCategory(i % 2 == 0 ? "delivery" : "billing");
                    NewCase item = new NewCase();
                    item.setClientRef(String.valueOf(i));
                    item.setData(c);
                    open.getSupportCase().add(item);
                }
                List<ItemResult> results = new ArrayList<>(port.openCases(open).getResult());
                return succeeded(results);
            };
        }));
        scenarios.add(new Scenario("findCases-overdue", "findCases overdue=true, first page of 100", (w, n) -> {
            CasePortType port = clients.cases();
            return () -> {
                FindCases find = new FindCases();
                find.setOverdue(true);
                find.setPageSize(100);
                return port.findCases(find).getSupportCase().size();
            };
        }));
        scenarios.add(new Scenario("findCases-customer", "findCases by customer (one with cases), first page of 100", (w, n) -> {
            CasePortType port = clients.cases();
            Random random = new Random(config.seed() + 17L * w);
            return () -> {
                FindCases find = new FindCases();
                find.setCustomerId(caseCustomers[random.nextInt(caseCustomers.length)]);
                find.setPageSize(100);
                return port.findCases(find).getSupportCase().size();
            };
        }));
        if (campaign != null) {
            long[] members = campaign.memberCustomerIds();
            long[] contacts = campaign.memberContactIds();
            scenarios.add(new Scenario("recordCampaignResponses-200", "recordCampaignResponses, 200 responses of"
                    + " members of the measured campaign (a stage already recorded succeeds unchanged)", (w, n) -> {
                CampaignPortType port = clients.campaigns(config.user());
                ResponseStage[] stages = ResponseStage.values();
                long[] position = {System.currentTimeMillis() / 1000 % Math.max(1, members.length / n)};
                return () -> {
                    RecordCampaignResponses record = new RecordCampaignResponses();
                    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                    for (int i = 0; i < 200; i++) {
                        long k = position[0]++;
                        // each worker owns every n-th member, so concurrent workers never race for one response
                        int member = (int) ((w + n * (k % Math.max(1, members.length / n))) % members.length);
                        ResponseStage stage = stages[(int) ((k / Math.max(1, members.length / n)) % stages.length)];
                        NewResponse r = new NewResponse();
                        r.setClientRef(String.valueOf(i));
                        r.setCampaignId(campaign.campaignId());
                        r.setCustomerId(members[member]);
                        r.setContactId(contacts[member] == 0 ? null : contacts[member]);
                        r.setStage(stage);
                        r.setRespondedAt(now);
                        if (stage == ResponseStage.CONVERTED) {
                            r.setRevenue(new BigDecimal("149.90"));
                        }
                        record.getResponse().add(r);
                    }
                    return succeeded(port.recordCampaignResponses(record).getResult());
                };
            }));
            scenarios.add(new Scenario("getCampaignStatistics", "getCampaignStatistics of the campaign with "
                    + members.length + " members", (w, n) -> {
                CampaignPortType port = clients.campaigns(config.user());
                return () -> {
                    GetCampaignStatistics get = new GetCampaignStatistics();
                    get.setCampaignId(campaign.campaignId());
                    long counted = port.getCampaignStatistics(get).getStatistics().getMembers();
                    if (counted < members.length) {
                        throw new IllegalStateException("campaign has " + counted + " members, expected " + members.length);
                    }
                    return 1;
                };
            }));
        }
        scenarios.removeIf(s -> !config.runs(s.name()));
        return scenarios;
    }

    /** Whether any campaign scenario is selected (the campaign is only set up then). */
    static boolean needsCampaign(BenchConfig config) {
        return config.runs("recordCampaignResponses-200") || config.runs("getCampaignStatistics") || config.soakSeconds() > 0;
    }

    /** Fills the filters of one findCustomers call. */
    interface Filter {
        void apply(Random random, FindCustomers find, long call);
    }

    private static Scenario find(String name, String description, BenchConfig config, BenchClients clients, Filter filter) {
        return new Scenario(name, "findCustomers, first page of 100, " + description, (w, n) -> {
            CustomerPortType port = clients.customers();
            Random random = new Random(config.seed() + 7L * w + name.hashCode());
            long[] calls = {0};
            return () -> {
                FindCustomers find = new FindCustomers();
                filter.apply(random, find, calls[0]++);
                find.setPageSize(100);
                return port.findCustomers(find).getCustomer().size();
            };
        });
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
    private static int succeeded(List<? extends ItemResult> results) {
        Loader.requireSuccess(new ArrayList<>(results));
        return results.size();
    }
}
