package org.clientele.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.clientele.ws.status.Ping;

/**
 * Measures Clientele under its users' load (see docs/benchmarks.md): loads the seeded data set, runs every scenario
 * at each concurrency, and writes the figures and the design targets' verdict to the console and {@code target/bench/}.
 *
 * <p>Exit code 0 when no call failed, 1 when any did (or the run broke), 2 when {@code -Dbench.enforceTargets=true}
 * and a target is missed. With {@code -Dbench.deferExit=true} (the Maven profile) it always exits 0 and leaves the
 * code in {@code verdict.txt}, so that Maven still stops the server before {@link BenchVerdict} fails the build.
 */
public final class Benchmark {
    /** Held so that the setting is not collected with the logger: CXF logs every client it builds at INFO. */
    private static final java.util.logging.Logger CXF_LOG = java.util.logging.Logger.getLogger("org.apache.cxf");

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        CXF_LOG.setLevel(java.util.logging.Level.WARNING);
        BenchConfig config = BenchConfig.fromSystemProperties();
        int code;
        try {
            code = run(config);
        } catch (Exception e) {
            System.out.println("BENCHMARK FAILED: " + e);
            e.printStackTrace(System.out);
            code = 1;
        }
        Files.createDirectories(config.outputDir());
        Files.writeString(config.outputDir().resolve(BenchVerdict.FILE), code + "\n");
        System.exit(Boolean.getBoolean("bench.deferExit") ? 0 : code);
    }

    /**
     * Runs every scenario once, unmeasured, at 4 clients, so that the server's JIT has compiled every path before the
     * first measured step: otherwise the first steps (ping at 1 client) measure a cold server whenever the data set
     * is reused rather than loaded, and the ratios between scenarios shift from run to run. Returns the errors seen.
     */
    private static long warmUpServer(BenchConfig config, List<Scenario> scenarios) throws Exception {
        if (config.serverWarmupSeconds() <= 0) {
            return 0;
        }
        System.out.println("Warming the server up: every scenario for " + config.serverWarmupSeconds() + " s at 4 clients (not measured)");
        StepRunner warmup = new StepRunner(config.withWindow(0, config.serverWarmupSeconds()));
        long errors = 0;
        for (Scenario scenario : scenarios) {
            errors += warmup.run(scenario, 4).errors();
        }
        return errors;
    }

    private static int run(BenchConfig config) throws Exception {
        String started = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        BenchClients clients = new BenchClients(config);
        System.out.println("Clientele benchmark against " + config.url() + ", clients " + config.clients()
                + ", warm-up " + config.warmupSeconds() + " s, measured " + config.measureSeconds() + " s");
        clients.status().ping(new Ping());
        ServerHeap heap = new ServerHeap(config);
        OptionalLong heapStart = heap.afterGc();
        System.out.println("Loading " + config.customers() + " customers (seed " + config.seed() + ")");
        Loader.Loaded loaded = new Loader(config, clients).load();
        System.out.printf("  %s%n", loaded.reused() ? "reused the loaded data set"
                : String.format("loaded %d customers in %.1f s (%.0f/s)", loaded.written(), loaded.seconds(), loaded.perSecond()));
        List<Scenario> scenarios = Scenarios.all(config, clients, loaded);
        long warmupErrors = warmUpServer(config, scenarios);
        List<StepResult> results = new ArrayList<>();
        StepRunner runner = new StepRunner(config);
        for (Scenario scenario : scenarios) {
            for (int n : config.clients()) {
                StepResult r = runner.run(scenario, n);
                results.add(r);
                System.out.printf("  %-20s %2d clients: %8.1f calls/s %9.1f records/s  p50 %6.1f  p99 %7.1f ms  errors %d%n",
                        r.scenario(), n, r.callsPerSecond(), r.recordsPerSecond(), r.p50(), r.p99(), r.errors());
            }
        }
        OptionalLong heapEnd = heap.afterGc();
        List<Targets.Outcome> targets = Targets.evaluate(results);
        Report.Run run = new Report.Run(started, config.url(), machine(), loaded, heapStart, heapEnd, results, targets,
                config.warmupSeconds(), config.measureSeconds(), config.customers());
        Report.write(run, config.outputDir());
        Chart.write(results, config.outputDir().resolve("throughput.png"));
        System.out.println();
        System.out.print(Report.table(run));
        System.out.println("written: " + config.outputDir().toAbsolutePath() + "/{results.txt,results.json,results.csv,throughput.png}");
        if (warmupErrors > 0) {
            System.out.println("FAILED: " + warmupErrors + " call(s) failed during the server warm-up");
            return 1;
        }
        if (run.errors() > 0) {
            System.out.println("FAILED: " + run.errors() + " call(s) failed");
            return 1;
        }
        if (config.enforceTargets() && targets.stream().anyMatch(t -> !t.pass())) {
            System.out.println("FAILED: design target missed (bench.enforceTargets=true)");
            return 2;
        }
        return 0;
    }

    private static String machine() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return String.format("%d CPUs, %.0f GB RAM, %s %s, Java %s (%s)", Runtime.getRuntime().availableProcessors(),
                os.getTotalMemorySize() / 1073741824.0, System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("java.version"), System.getProperty("java.vm.name"));
    }
}
