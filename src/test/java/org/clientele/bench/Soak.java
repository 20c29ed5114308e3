package org.clientele.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak: a mixed workload (reads, finds, batch writes, feed reads, case and campaign writes) at a fixed number of
 * clients for a fixed time; per minute the calls, p99 and errors, and the server's heap after a full GC at the end
 * of each minute.
 */
final class Soak {
    /** Weight of each scenario in the mix (calls picked at random in these proportions). */
    static final Map<String, Integer> MIX = Map.ofEntries(
            Map.entry("getCustomers-1", 30), Map.entry("findCustomers-name", 8), Map.entry("findCustomers-email", 8),
            Map.entry("findCustomers-phone", 5), Map.entry("findCustomers-modifiedSince", 4), Map.entry("getChanges-1000", 8),
            Map.entry("createCustomers-200", 2), Map.entry("upsertCustomers-200", 2), Map.entry("openCases-200", 2),
            Map.entry("findCases-customer", 5), Map.entry("recordCampaignResponses-200", 2),
            Map.entry("getCampaignStatistics", 2));
    private static final int ERRORS_SHOWN = 3;

    /** One minute of the soak. */
    record Minute(int minute, long calls, long errors, double p50, double p99, OptionalLong heapAfterGc) {
    }

    private final BenchConfig config;
    private final ServerHeap heap;

    Soak(BenchConfig config, ServerHeap heap) {
        this.config = config;
        this.heap = heap;
    }

    List<Minute> run(List<Scenario> available) throws Exception {
        List<Scenario> mix = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (Scenario s : available) {
            Integer weight = MIX.get(s.name());
            if (weight != null) {
                mix.add(s);
                weights.add(weight);
            }
        }
        int clients = config.soakClients();
        int minutes = Math.max(1, (config.soakSeconds() + 59) / 60);
        System.out.printf(Locale.ROOT, "Soak: %d s at %d clients over %s%n", config.soakSeconds(), clients,
                mix.stream().map(Scenario::name).toList());
        int total = weights.stream().mapToInt(Integer::intValue).sum();
        List<List<Latencies>> perWorker = new ArrayList<>();
        AtomicLong[] errors = new AtomicLong[minutes];
        for (int m = 0; m < minutes; m++) {
            errors[m] = new AtomicLong();
        }
        AtomicLong errorsShown = new AtomicLong();
        long start = System.nanoTime();
        long end = start + config.soakSeconds() * 1_000_000_000L;
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        List<List<Scenario.Call>> allCalls = new ArrayList<>();
        for (int w = 0; w < clients; w++) {
            List<Scenario.Call> calls = new ArrayList<>();
            for (Scenario s : mix) {
                calls.add(s.factory().create(w, clients));
            }
            allCalls.add(calls);
            List<Latencies> mine = new ArrayList<>();
            for (int m = 0; m < minutes; m++) {
                mine.add(new Latencies());
            }
            perWorker.add(mine);
            Random random = new Random(config.seed() + 101L * w);
            threads.add(new Thread(() -> {
                while (!stop.get()) {
                    long begin = System.nanoTime();
                    if (begin >= end) {
                        return;
                    }
                    int pick = random.nextInt(total);
                    int i = 0;
                    while (pick >= weights.get(i)) {
                        pick -= weights.get(i++);
                    }
                    int minute = (int) Math.min(minutes - 1, (begin - start) / 60_000_000_000L);
                    try {
                        calls.get(i).call();
                        long done = System.nanoTime();
                        synchronized (mine.get(minute)) {
                            mine.get(minute).record((done - begin) / 1000);
                        }
                    } catch (Exception | AssertionError e) {
                        errors[minute].incrementAndGet();
                        if (errorsShown.incrementAndGet() <= ERRORS_SHOWN) {
                            System.out.println("  ERROR in soak (" + mix.get(i).name() + "): " + e);
                        }
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        List<Minute> result = new ArrayList<>();
        for (int m = 0; m < minutes; m++) {
            long minuteEnd = Math.min(end, start + (m + 1) * 60_000_000_000L);
            long wait = (minuteEnd - System.nanoTime()) / 1_000_000;
            if (wait > 0) {
                Thread.sleep(wait);
            }
            // the minute's calls end shortly after it; its heap is read while the next minute runs
            OptionalLong used = heap.afterGc();
            Latencies all = new Latencies();
            for (List<Latencies> worker : perWorker) {
                synchronized (worker.get(m)) {
                    all.addAll(worker.get(m));
                }
            }
            Minute minute = new Minute(m + 1, all.count(), errors[m].get(), all.percentileMillis(50),
                    all.percentileMillis(99), used);
            result.add(minute);
            System.out.printf(Locale.ROOT, "  soak minute %d: %d calls, p50 %.1f ms, p99 %.1f ms, errors %d, heap after GC %s%n",
                    minute.minute(), minute.calls(), minute.p50(), minute.p99(), minute.errors(),
                    used.isPresent() ? used.getAsLong() / 1048576 + " MB" : "n/a");
        }
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        for (List<Scenario.Call> calls : allCalls) {
            for (Scenario.Call call : calls) {
                call.close();
            }
        }
        return result;
    }
}
