package org.clientele.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.clientele.support.PostgresDatabase;
import org.clientele.ws.customer.CustomerPortType;
import org.clientele.ws.customer.GetCustomers;

/**
 * Measures the cold start: the time from launching WildFly to the first successful secured call (a getCustomers by
 * UsernameToken) on an empty database, which covers boot, deployment of the WAR and the Flyway migrations. Runs after
 * the benchmark's server stopped, on a copy of its configured {@code standalone/} directory (configuration, realm and
 * deployed JDBC driver; no H2 data) with the WAR in {@code deployments/}, and on PostgreSQL a fresh database of its
 * own that is dropped afterwards. Writes {@code coldstart.txt}; fails only when no call succeeds within 180 s.
 */
public final class ColdStart {
    private static final Pattern STARTED = Pattern.compile("started in (\\d+)ms");
    /** Held so that the setting is not collected with the logger: CXF logs each refused attempt with its stack trace. */
    private static final java.util.logging.Logger CXF_LOG = java.util.logging.Logger.getLogger("org.apache.cxf");
    private static final Set<String> SKIPPED = Set.of("clientele", "tx-object-store", "timer-service-data", "activemq", "kernel");

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        CXF_LOG.setLevel(java.util.logging.Level.OFF);
        BenchConfig config = BenchConfig.fromSystemProperties();
        Path home = Path.of(System.getProperty("bench.jboss.home"));
        Path war = Path.of(System.getProperty("bench.war"));
        Path work = config.outputDir().resolve("coldstart");
        Path base = work.resolve("standalone");
        deleteTree(work);
        Files.createDirectories(base.resolve("deployments"));
        copyTree(home.resolve("standalone/configuration"), base.resolve("configuration"));
        try (Stream<Path> data = Files.list(home.resolve("standalone/data"))) {
            for (Path p : data.toList()) {
                if (!SKIPPED.contains(p.getFileName().toString())) {
                    copyTree(p, base.resolve("data").resolve(p.getFileName().toString()));
                }
            }
        }
        Files.copy(war, base.resolve("deployments/clientele.war"), StandardCopyOption.REPLACE_EXISTING);
        boolean postgres = "postgres".equals(config.db());
        String database = System.getProperty("bench.pg.database", "clientele_bench_cold");
        String adminUrl = System.getProperty("bench.pg.admin.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        if (postgres) {
            PostgresDatabase.main(new String[] {"create", adminUrl, config.jdbcUser(), config.jdbcPassword(), database});
        }
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base.toAbsolutePath(),
                "-Djboss.socket.binding.port-offset=" + System.getProperty("bench.port.offset", "0"),
                "-Djboss.bind.address=127.0.0.1", "-Djboss.bind.address.management=127.0.0.1"));
        if (postgres) {
            command.add("-Dclientele.db.url=" + System.getProperty("bench.pg.url.base", "jdbc:postgresql://127.0.0.1:5432/") + database);
            command.add("-Dclientele.db.user=" + config.jdbcUser());
            command.add("-Dclientele.db.password=" + config.jdbcPassword());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("server.log").toFile());
        builder.environment().put("JAVA_OPTS", "-Xms512m -Xmx2g -Djava.net.preferIPv4Stack=true");
        builder.environment().put("JBOSS_HOME", home.toAbsolutePath().toString());
        System.out.println("Cold start: WildFly on an empty " + (postgres ? "PostgreSQL database " + database : "H2 database")
                + ", first secured call to " + config.url());
        long start = System.nanoTime();
        Process server = builder.start();
        double seconds = -1;
        try {
            CustomerPortType port = new BenchClients(config).customers();
            long deadline = start + TimeUnit.SECONDS.toNanos(180);
            String lastError = "";
            while (System.nanoTime() < deadline && server.isAlive()) {
                try {
                    GetCustomers get = new GetCustomers();
                    get.getId().add(1L);
                    port.getCustomers(get);
                    seconds = (System.nanoTime() - start) / 1e9;
                    break;
                } catch (RuntimeException e) {
                    lastError = String.valueOf(e);
                    Thread.sleep(100);
                }
            }
            if (seconds < 0) {
                System.out.println("Cold start FAILED: no successful secured call within 180 s; last error " + lastError
                        + "; server log: " + work.resolve("server.log"));
            }
        } finally {
            server.toHandle().descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                server.destroyForcibly();
            }
            if (postgres) {
                PostgresDatabase.main(new String[] {"drop", adminUrl, config.jdbcUser(), config.jdbcPassword(), database});
            }
        }
        String log = Files.readString(work.resolve("server.log"));
        Matcher started = STARTED.matcher(log);
        String wildfly = started.find() ? String.format(Locale.ROOT, "%.1f s", Integer.parseInt(started.group(1)) / 1000.0) : "n/a";
        String report = String.format(Locale.ROOT, "cold start on an empty %s database: first successful secured call %.1f s"
                + " after launching WildFly (WildFly's own boot report: started in %s)%n", postgres ? "PostgreSQL" : "H2",
                seconds, wildfly);
        Files.writeString(config.outputDir().resolve("coldstart.txt"), report);
        System.out.print(report);
        System.exit(seconds < 0 ? 1 : 0);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
