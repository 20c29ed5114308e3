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

    /** CXF's switch (read once, when its HTTP transport is loaded) from java.net.http to HttpURLConnection. */
    private static final String FORCE_URL_CONNECTION = "org.apache.cxf.transport.http.forceURLConnection";

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        CXF_LOG.setLevel(java.util.logging.Level.WARNING);
        // CXF 4's default HTTP client (java.net.http) costs the load driver about 1.5 ms of CPU per call on the shared
        // cores, more than the server spends on a ping; HttpURLConnection sends the same requests for a third of that.
        if (System.getProperty(FORCE_URL_CONNECTION) == null) {
            System.setProperty(FORCE_URL_CONNECTION, "true");
        }
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
        if (config.serverWarmupSeconds() <= 0 || scenarios.isEmpty()) {
            return 0;
        }
        System.out.println("Warming the server up: every scenario for " + config.serverWarmupSeconds() + " s at 4 clients (not measured)");
        StepRunner warmup = new StepRunner(config.withWindow(0, config.serverWarmupSeconds()));
        long errors = 0;
        for (Scenario scenario : scenarios) {
            errors += warmup.run(scenario, 4, 0).errors();
        }
        return errors;
    }

    private static int run(BenchConfig config) throws Exception {
        String started = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        BenchClients clients = new BenchClients(config);
        System.out.println("Clientele benchmark against " + config.url() + ", data-set sizes " + config.sizes() + ", clients "
                + config.clients() + ", warm-up " + config.warmupSeconds() + " s, measured " + config.measureSeconds() + " s");
        clients.status().ping(new Ping());
        ServerHeap heap = new ServerHeap(config);
        OptionalLong heapStart = heap.afterGc();
        List<StepResult> results = new ArrayList<>();
        List<Loader.Loaded> loads = new ArrayList<>();
        List<Soak.Minute> soak = new ArrayList<>();
        CampaignFixture.Prepared campaign = null;
        long warmupErrors = 0;
        Loader loader = new Loader(config, clients);
        StepRunner runner = new StepRunner(config);
        for (int phase = 0; phase < config.sizes().size(); phase++) {
            int size = config.sizes().get(phase);
            boolean last = phase == config.sizes().size() - 1;
            System.out.printf("Data set of %,d customers (seed %d)%n", size, config.seed());
            Loader.Loaded loaded = loader.load(size);
            loads.add(loaded);
            System.out.printf("  %s%n", loaded.reused() ? "reused the loaded data set"
                    : String.format("loaded %d customers in %.1f s (%.0f/s)", loaded.written(), loaded.seconds(), loaded.perSecond()));
            if (config.postgres()) {
                PlannerStatistics.analyze(config);
            }
            List<Scenario> scenarios = new ArrayList<>(Scenarios.growth(config, clients, loaded));
            if (last) {
                if (Scenarios.needsCampaign(config)) {
                    campaign = new CampaignFixture(config, clients).prepare(size);
                    if (config.postgres() && !campaign.reused()) {
                        PlannerStatistics.analyze(config);
                    }
                }
                List<Scenario> others = Scenarios.others(config, clients, loaded, campaign);
                // ping first: the stack's baseline; the writes after the reads, so the reads see the loaded set
                others.stream().filter(s -> s.name().equals("ping")).findFirst().ifPresent(p -> scenarios.add(0, p));
                others.stream().filter(s -> !s.name().equals("ping")).forEach(scenarios::add);
            }
            if (phase == 0) {
                warmupErrors += warmUpServer(config, scenarios);
            }
            for (Scenario scenario : scenarios) {
                for (int n : config.clients()) {
                    StepResult r = runner.run(scenario, n, size);
                    results.add(r);
                    // the end time (UTC) lets a profile taken on the server be cut to one step
                    System.out.printf("  %-28s %2d clients: %8.1f calls/s %9.1f records/s  p50 %6.1f  p99 %7.1f ms  errors %d  (ended %s)%n",
                            r.scenario(), n, r.callsPerSecond(), r.recordsPerSecond(), r.p50(), r.p99(), r.errors(),
                            java.time.LocalTime.now(java.time.ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
                }
            }
            if (last && config.soakSeconds() > 0) {
                List<Scenario> mix = new ArrayList<>(Scenarios.growth(config.withScenarios(List.of("all")), clients, loaded));
                mix.addAll(Scenarios.others(config.withScenarios(List.of("all")), clients, loaded, campaign));
                soak = new Soak(config, heap).run(mix);
            }
        }
        OptionalLong heapEnd = heap.afterGc();
        List<Targets.Growth> growth = Targets.growth(results);
        List<Targets.Outcome> targets = Targets.evaluate(results, growth, soak, config.postgres());
        Report.Run run = new Report.Run(started, config.url(), machine(), loads, campaign, heapStart, heapEnd, results, growth,
                soak, targets, config.warmupSeconds(), config.measureSeconds());
        Report.write(run, config.outputDir());
        int largest = config.sizes().get(config.sizes().size() - 1);
        Chart.write(results.stream().filter(r -> r.customers() == largest).toList(), config.outputDir().resolve("throughput.png"));
        Chart.writeGrowth(growth, config.outputDir().resolve("growth.png"));
        System.out.println();
        System.out.print(Report.table(run));
        System.out.println("written: " + config.outputDir().toAbsolutePath() + "/{results.txt,results.json,results.csv,throughput.png,growth.png}");
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
