package org.clientele.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The benchmark's settings, read from system properties so that Maven and a shell can override each of them. */
record BenchConfig(String url, String password, String user, int warmupSeconds, int measureSeconds,
                   List<Integer> clients, int customers, long seed, int loaderThreads, Path outputDir,
                   String jbossHome, String management, List<String> scenarios, boolean enforceTargets,
                   int serverWarmupSeconds) {

    static BenchConfig fromSystemProperties() {
        return new BenchConfig(
                prop("bench.url", prop("clientele.url", "http://127.0.0.1:8080")),
                prop("clientele.it.password", "it-Secret-2026"),
                prop("bench.user", "it-integration"),
                Integer.parseInt(prop("bench.warmup", "5")),
                Integer.parseInt(prop("bench.seconds", "15")),
                Arrays.stream(prop("bench.clients", "1,4,8,16").split(",")).map(String::trim).map(Integer::valueOf).toList(),
                Integer.parseInt(prop("bench.customers", "100000")),
                Long.parseLong(prop("bench.seed", "20261128")),
                Integer.parseInt(prop("bench.loaders", "4")),
                Path.of(prop("bench.output", "target/bench")),
                prop("bench.jboss.home", ""),
                prop("bench.management", ""),
                Arrays.stream(prop("bench.scenarios", "all").split(",")).map(String::trim).toList(),
                Boolean.parseBoolean(prop("bench.enforceTargets", "false")),
                Integer.parseInt(prop("bench.serverWarmup", "10")));
    }

    /** The same settings with another step window (the server warm-up runs steps of its own length). */
    BenchConfig withWindow(int warmup, int measure) {
        return new BenchConfig(url, password, user, warmup, measure, clients, customers, seed, loaderThreads, outputDir,
                jbossHome, management, scenarios, enforceTargets, serverWarmupSeconds);
    }

    boolean runs(String scenario) {
        return scenarios.contains("all") || scenarios.contains(scenario);
    }

    private static String prop(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
