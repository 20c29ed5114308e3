package org.clientele.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.clientele.ws.common.ExternalKey;
import org.clientele.ws.common.ItemResult;
import org.clientele.ws.customer.CreateCustomers;
import org.clientele.ws.customer.CustomerLookup;
import org.clientele.ws.customer.CustomerPortType;
import org.clientele.ws.customer.GetCustomers;
import org.clientele.ws.customer.NewCustomer;

/**
 * Loads the seeded data set with parallel createCustomers batches of 200, unless a marker key says it is already
 * there. Resumable: customers 0..n-1 are loaded in batch order, so the first batch whose first customer is missing
 * is where an interrupted load (or the growth from a smaller size) continues; items refused because their key exists
 * are counted as already loaded. A progress line shows the rate and the time left.
 */
final class Loader {
    static final int BATCH = 200;
    private static final int PROGRESS_SECONDS = 10;
    private final BenchConfig config;
    private final BenchClients clients;
    private final DataSet data;

    /** What loading did: data-set size, customers written (0 when reused), seconds taken, ids of a random sample of the set. */
    record Loaded(int size, boolean reused, int written, double seconds, long[] sampleIds) {
        double perSecond() {
            return seconds > 0 ? written / seconds : 0;
        }
    }

    Loader(BenchConfig config, BenchClients clients) {
        this.config = config;
        this.clients = clients;
        this.data = new DataSet(config.seed());
    }

    /** Makes sure customers 0..size-1 exist and answers with a sample of their ids. */
    Loaded load(int size) throws Exception {
        CustomerPortType port = clients.customers();
        long start = System.nanoTime();
        int written = 0;
        boolean reused = exists(port, data.marker(size));
        if (!reused) {
            int firstBatch = firstMissingBatch(port, size);
            if (firstBatch > 0) {
                System.out.printf(Locale.ROOT, "  resuming at customer %,d (the first %,d are there)%n",
                        firstBatch * BATCH, firstBatch * BATCH);
            }
            written = loadBatches(size, firstBatch);
            NewCustomer marker = new NewCustomer();
            marker.setData(DataSet.generate(new Random(config.seed()), "marker"));
            marker.getData().getExternalKey().add(data.marker(size));
            CreateCustomers create = new CreateCustomers();
            create.getCustomer().add(marker);
            requireSuccess(port.createCustomers(create).getResult());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Loaded(size, reused, written, seconds, sampleIds(port, size));
    }

    /** The first batch whose first customer does not exist, probing 200 batches per getCustomers call. */
    private int firstMissingBatch(CustomerPortType port, int size) throws Exception {
        int batches = (size + BATCH - 1) / BATCH;
        for (int from = 0; from < batches; from += BATCH) {
            GetCustomers get = new GetCustomers();
            int to = Math.min(batches, from + BATCH);
            for (int b = from; b < to; b++) {
                get.getExternalKey().add(data.key(b * BATCH));
            }
            List<CustomerLookup> lookups = port.getCustomers(get).getLookup();
            for (int i = 0; i < lookups.size(); i++) {
                if (lookups.get(i).getCustomer() == null) {
                    return from + i;
                }
            }
        }
        return batches;
    }

    private int loadBatches(int size, int firstBatch) throws Exception {
        AtomicInteger nextBatch = new AtomicInteger(firstBatch);
        AtomicInteger written = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        int batches = (size + BATCH - 1) / BATCH;
        int toLoad = size - firstBatch * BATCH;
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(config.loaderThreads());
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
        progress.scheduleAtFixedRate(() -> progress(done.get(), toLoad, firstBatch * BATCH, size, start),
                PROGRESS_SECONDS, PROGRESS_SECONDS, TimeUnit.SECONDS);
        try {
            List<Future<?>> loaders = new ArrayList<>();
            for (int t = 0; t < config.loaderThreads(); t++) {
                loaders.add(pool.submit(() -> {
                    CustomerPortType port = clients.customers();
                    for (int b = nextBatch.getAndIncrement(); b < batches; b = nextBatch.getAndIncrement()) {
                        CreateCustomers create = new CreateCustomers();
                        int items = 0;
                        for (int i = b * BATCH; i < Math.min(size, (b + 1) * BATCH); i++) {
                            NewCustomer item = new NewCustomer();
                            item.setClientRef(String.valueOf(i));
                            item.setData(data.customer(i));
                            create.getCustomer().add(item);
                            items++;
                        }
                        written.addAndGet(countCreated(port.createCustomers(create).getResult()));
                        done.addAndGet(items);
                    }
                    return null;
                }));
            }
            for (Future<?> loader : loaders) {
                loader.get();
            }
        } finally {
            progress.shutdownNow();
            pool.shutdown();
        }
        progress(done.get(), toLoad, firstBatch * BATCH, size, start);
        return written.get();
    }

    private static void progress(int done, int toLoad, int before, int size, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        long eta = rate > 0 ? Math.round((toLoad - done) / rate) : -1;
        System.out.printf(Locale.ROOT, "  loaded %,d of %,d customers (%.1f %%) at %,.0f/s, ETA %s%n", before + done, size,
                100.0 * (before + done) / size, rate, eta < 0 ? "?" : String.format(Locale.ROOT, "%dm %02ds", eta / 60, eta % 60));
    }

    /** Counts created items; an item refused because its key exists is left from an interrupted load, anything else fails. */
    private static int countCreated(List<ItemResult> results) {
        int created = 0;
        for (ItemResult result : results) {
            if (result.isSuccess()) {
                created++;
            } else if (result.getError().stream().noneMatch(e -> "externalKey".equals(e.getField()))) {
                throw new IllegalStateException("load item " + result.getClientRef() + " failed: "
                        + result.getError().get(0).getCode() + " " + result.getError().get(0).getMessage());
            }
        }
        return created;
    }

    static void requireSuccess(List<ItemResult> results) {
        for (ItemResult result : results) {
            if (!result.isSuccess()) {
                throw new IllegalStateException("item " + result.getClientRef() + " failed: "
                        + result.getError().get(0).getCode() + " " + result.getError().get(0).getMessage());
            }
        }
    }

    private static boolean exists(CustomerPortType port, ExternalKey key) throws Exception {
        GetCustomers get = new GetCustomers();
        get.getExternalKey().add(key);
        return port.getCustomers(get).getLookup().get(0).getCustomer() != null;
    }

    /** Ids of 2,000 customers of the set, for reads by id. */
    private long[] sampleIds(CustomerPortType port, int size) throws Exception {
        Random random = new Random(config.seed());
        int sample = Math.min(2_000, size);
        long[] ids = new long[sample];
        for (int from = 0; from < sample; from += BATCH) {
            GetCustomers get = new GetCustomers();
            for (int i = from; i < Math.min(sample, from + BATCH); i++) {
                get.getExternalKey().add(data.key(random.nextInt(size)));
            }
            List<CustomerLookup> lookups = port.getCustomers(get).getLookup();
            for (int i = 0; i < lookups.size(); i++) {
                if (lookups.get(i).getCustomer() == null) {
                    throw new IllegalStateException("data set incomplete: " + lookups.get(i).getExternalKey().getId());
                }
                ids[from + i] = lookups.get(i).getCustomer().getId();
            }
        }
        return ids;
    }
}
