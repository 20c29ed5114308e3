package org.clientele.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark's settings, read from system properties so that Maven and a shell can override each of them.
 *
 * @param sizes          the data-set sizes the run measures one after the other, growing the set between them
 *                       ({@code bench.sizes}, default: {@code bench.customers} alone)
 * @param soakSeconds    length of the mixed soak after the scenarios, 0 for none ({@code bench.soak})
 * @param db             the server's database, {@code h2} or {@code postgres} ({@code bench.db})
 * @param jdbcUrl        the same database for the load driver's own JDBC baseline (PostgreSQL only)
 * @param campaignMembers members of the campaign whose statistics are measured (at most the data set's size)
 */
record BenchConfig(String url, String password, String user, int warmupSeconds, int measureSeconds,
                   List<Integer> clients, int customers, long seed, int loaderThreads, Path outputDir,
                   String jbossHome, String management, List<String> scenarios, boolean enforceTargets,
                   int serverWarmupSeconds, List<Integer> sizes, int soakSeconds, int soakClients, String db,
                   String jdbcUrl, String jdbcUser, String jdbcPassword, int campaignMembers) {

    static BenchConfig fromSystemProperties() {
        int customers = Integer.parseInt(prop("bench.customers", "100000"));
        List<Integer> sizes = Arrays.stream(prop("bench.sizes", String.valueOf(customers)).split(","))
                .map(String::trim).map(Integer::valueOf).sorted().distinct().toList();
        return new BenchConfig(
                prop("bench.url", prop("clientele.url", "http://127.0.0.1:8080")),
                prop("clientele.it.password", "it-Secret-2026"),
                prop("bench.user", "it-integration"),
                Integer.parseInt(prop("bench.warmup", "5")),
                Integer.parseInt(prop("bench.seconds", "15")),
                Arrays.stream(prop("bench.clients", "1,4,8,16").split(",")).map(String::trim).map(Integer::valueOf).toList(),
                sizes.get(sizes.size() - 1),
                Long.parseLong(prop("bench.seed", "20261128")),
                Integer.parseInt(prop("bench.loaders", "4")),
                Path.of(prop("bench.output", "target/bench")),
                prop("bench.jboss.home", ""),
                prop("bench.management", ""),
                Arrays.stream(prop("bench.scenarios", "all").split(",")).map(String::trim).toList(),
                Boolean.parseBoolean(prop("bench.enforceTargets", "false")),
                Integer.parseInt(prop("bench.serverWarmup", "10")),
                sizes,
                Integer.parseInt(prop("bench.soak", "0")),
                Integer.parseInt(prop("bench.soakClients", "16")),
                prop("bench.db", "h2"),
                prop("bench.jdbc.url", ""),
                prop("bench.jdbc.user", "postgres"),
                prop("bench.jdbc.password", ""),
                Integer.parseInt(prop("bench.campaignMembers", "100000")));
    }

    /** The same settings with another step window (the server warm-up runs steps of its own length). */
    BenchConfig withWindow(int warmup, int measure) {
        return new BenchConfig(url, password, user, warmup, measure, clients, customers, seed, loaderThreads, outputDir,
                jbossHome, management, scenarios, enforceTargets, serverWarmupSeconds, sizes, soakSeconds, soakClients,
                db, jdbcUrl, jdbcUser, jdbcPassword, campaignMembers);
    }

    /** The same settings with another scenario selection (the soak's mix takes every scenario). */
    BenchConfig withScenarios(List<String> selection) {
        return new BenchConfig(url, password, user, warmupSeconds, measureSeconds, clients, customers, seed, loaderThreads,
                outputDir, jbossHome, management, selection, enforceTargets, serverWarmupSeconds, sizes, soakSeconds,
                soakClients, db, jdbcUrl, jdbcUser, jdbcPassword, campaignMembers);
    }

    boolean runs(String scenario) {
        return scenarios.contains("all") || scenarios.contains(scenario)
                || scenarios.stream().anyMatch(s -> s.endsWith("*") && scenario.startsWith(s.substring(0, s.length() - 1)));
    }

    boolean postgres() {
        return "postgres".equals(db) && !jdbcUrl.isBlank();
    }

    private static String prop(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
