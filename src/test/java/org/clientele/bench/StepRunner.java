package org.clientele.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;

/** Runs one scenario with a number of concurrent clients: warm-up, then a measured fixed duration. */
final class StepRunner {
    private static final int ERRORS_SHOWN = 3;
    private final BenchConfig config;
    private final ProcessCpu cpu;

    StepRunner(BenchConfig config) {
        this.config = config;
        this.cpu = ProcessCpu.of(config);
    }

    StepResult run(Scenario scenario, int clients, int customers) throws Exception {
        List<Scenario.Call> calls = new ArrayList<>();
        for (int w = 0; w < clients; w++) {
            calls.add(scenario.factory().create(w, clients));
        }
        CyclicBarrier start = new CyclicBarrier(clients + 1);
        long[] window = new long[2];
        AtomicLong callCount = new AtomicLong();
        AtomicLong records = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Latencies> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (Scenario.Call call : calls) {
            Latencies mine = new Latencies();
            latencies.add(mine);
            Thread thread = new Thread(() -> work(call, start, window, mine, callCount, records, errors, scenario.name()));
            thread.start();
            threads.add(thread);
        }
        window[0] = System.nanoTime() + config.warmupSeconds() * 1_000_000_000L;
        window[1] = window[0] + config.measureSeconds() * 1_000_000_000L;
        start.await();
        // CPU of both sides over the measured window (calls that end inside it count)
        sleepUntil(window[0]);
        long serverBefore = cpu.serverNanos();
        long driverBefore = ProcessCpu.driverNanos();
        sleepUntil(window[1]);
        long serverAfter = cpu.serverNanos();
        long driverAfter = ProcessCpu.driverNanos();
        for (Thread thread : threads) {
            thread.join();
        }
        for (Scenario.Call call : calls) {
            call.close();
        }
        Latencies all = new Latencies();
        latencies.forEach(all::addAll);
        return new StepResult(scenario.name(), clients, customers, config.measureSeconds(), callCount.get(), records.get(), errors.get(),
                all.percentileMillis(50), all.percentileMillis(95), all.percentileMillis(99), all.percentileMillis(100),
                ProcessCpu.msPerCall(serverBefore, serverAfter, callCount.get()),
                ProcessCpu.msPerCall(driverBefore, driverAfter, callCount.get()));
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    /** Calls until the window ends; calls that end inside the window count (so long batches count too), errors count always. */
    private static void work(Scenario.Call call, CyclicBarrier start, long[] window, Latencies latencies,
                             AtomicLong calls, AtomicLong records, AtomicLong errors, String name) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        while (true) {
            long begin = System.nanoTime();
            if (begin >= window[1]) {
                return;
            }
            int carried;
            try {
                carried = call.call();
            } catch (Exception | AssertionError e) {
                if (errors.incrementAndGet() <= ERRORS_SHOWN) {
                    System.out.println("  ERROR in " + name + ": " + e);
                }
                continue;
            }
            long end = System.nanoTime();
            if (end >= window[0] && end <= window[1]) {
                latencies.record((end - begin) / 1000);
                calls.incrementAndGet();
                records.addAndGet(carried);
            }
        }
    }
}
