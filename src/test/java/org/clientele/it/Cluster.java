package org.clientele.it;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The test cluster of {@code mvn verify -Pcluster}: two WildFly nodes made from the server the build configured
 * (its {@code standalone/} directory copied to {@code target/cluster/node1} and {@code node2}, each started with
 * its own {@code jboss.server.base.dir}, {@code jboss.node.name}, transaction node identifier and port offset),
 * HAProxy in front of them, and a TCP proxy between the nodes and PostgreSQL that the tests can cut. Started once
 * per test JVM on first use, stopped when the JVM ends. The manual recipe is docs/cluster.md.
 */
final class Cluster {
    static final String JBOSS_HOME = System.getProperty("clientele.jboss.home");
    static final Path DIR = Path.of(System.getProperty("clientele.cluster.dir", "target/cluster")).toAbsolutePath();
    static final int BALANCER_PORT = Integer.getInteger("clientele.cluster.balancer.port", 8450);
    static final int DB_PROXY_PORT = Integer.getInteger("clientele.cluster.dbproxy.port", 8451);
    static final String PG_URL = System.getProperty("clientele.pg.url");
    static final String PG_USER = System.getProperty("clientele.pg.user", "postgres");
    static final String PG_PASSWORD = System.getProperty("clientele.pg.password", "");

    private static Cluster instance;

    /** How long a node may take to start and deploy Clientele (boots take minutes on a loaded 2-core machine). */
    static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("clientele.cluster.startTimeout", 600));

    Node[] nodes;
    HaProxy balancer;
    TcpProxy database;

    static synchronized Cluster get() throws Exception {
        if (instance == null) {
            Cluster cluster = new Cluster();
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "cluster-stop"));
            try {
                cluster.start();
            } catch (Exception | Error e) {
                cluster.stop();
                throw e;
            }
            instance = cluster;
        }
        return instance;
    }

    private void start() throws Exception {
        if (JBOSS_HOME == null || PG_URL == null) {
            throw new IllegalStateException("run with mvn verify -Pcluster (clientele.jboss.home and clientele.pg.url are not set)");
        }
        URI db = URI.create(PG_URL.substring("jdbc:".length()));
        database = new TcpProxy(DB_PROXY_PORT, db.getHost(), db.getPort() < 0 ? 5432 : db.getPort());
        String proxiedUrl = "jdbc:postgresql://127.0.0.1:" + DB_PROXY_PORT + db.getPath();
        String[] offsets = System.getProperty("clientele.cluster.offsets", "300,400").split(",");
        Node[] all = new Node[offsets.length];
        for (int i = 0; i < offsets.length; i++) {
            all[i] = new Node("node" + (i + 1), Integer.parseInt(offsets[i].trim()), proxiedUrl);
            all[i].prepare();
        }
        nodes = all;
        for (Node n : nodes) {
            n.start();
        }
        for (Node n : nodes) {
            n.awaitReady(START_TIMEOUT);
        }
        HaProxy haProxy = new HaProxy(DIR.resolve("haproxy"), BALANCER_PORT, nodes);
        balancer = haProxy;
        haProxy.start();
    }

    /** The balancer's base URL, e.g. http://127.0.0.1:8450. */
    String url() {
        return "http://127.0.0.1:" + BALANCER_PORT;
    }

    /** A direct JDBC connection to PostgreSQL (not through the cuttable proxy). */
    static Connection jdbc() throws SQLException {
        return DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
    }

    private Cluster() {
    }

    synchronized void stop() {
        if (balancer != null) {
            balancer.stop();
        }
        if (nodes != null) {
            for (Node n : nodes) {
                if (n != null) {
                    n.stop();
                }
            }
        }
        try {
            if (database != null) {
                database.close();
            }
        } catch (IOException ignored) {
            // the JVM ends anyway
        }
    }

    /** One WildFly node: its own base directory copied from the configured template server. */
    static final class Node {
        final String name;
        final int offset;
        final Path base;
        private final String dbUrl;
        private Process script;

        Node(String name, int offset, String dbUrl) {
            this.name = name;
            this.offset = offset;
            this.dbUrl = dbUrl;
            this.base = DIR.resolve(name);
        }

        int httpPort() {
            return 8080 + offset;
        }

        int managementPort() {
            return 9990 + offset;
        }

        String url() {
            return "http://127.0.0.1:" + httpPort();
        }

        String controller() {
            return "127.0.0.1:" + managementPort();
        }

        /** Copies the template server's configuration, deployments, key store and identities (not logs or data stores). */
        void prepare() throws IOException {
            Path template = Path.of(JBOSS_HOME, "standalone");
            deleteTree(base);
            Files.createDirectories(base);
            copyTree(template.resolve("configuration"), base.resolve("configuration"));
            copyTree(template.resolve("deployments"), base.resolve("deployments"));
            Path data = template.resolve("data");
            copyTree(data.resolve("content"), base.resolve("data/content"));
            copyTree(data.resolve("clientele-identities"), base.resolve("data/clientele-identities"));
            Files.copy(data.resolve("clientele-realm-keys.cs"), base.resolve("data/clientele-realm-keys.cs"));
            // history of the template's configuration is not the node's
            deleteTree(base.resolve("configuration/standalone_xml_history"));
            // the key store and the identities are for the server's user only (docs/cluster.md, "Users")
            Files.setPosixFilePermissions(base.resolve("data/clientele-realm-keys.cs"), PosixFilePermissions.fromString("rw-------"));
            try (var files = Files.walk(base.resolve("data/clientele-identities"))) {
                for (Path p : files.toList()) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwx------" : "rw-------"));
                }
            }
        }

        void start() throws IOException {
            Files.deleteIfExists(base.resolve("jboss.pid"));
            List<String> command = new ArrayList<>(List.of("bash", "-c",
                    // files the server creates (key store, identities, logs) are readable by its user only
                    "umask 077; exec \"$0\" \"$@\"",
                    JBOSS_HOME + "/bin/standalone.sh",
                    "-Djboss.server.base.dir=" + base,
                    "-Djboss.node.name=" + name,
                    "-Djboss.tx.node.id=" + name,
                    "-Djboss.socket.binding.port-offset=" + offset,
                    "-Djboss.bind.address=127.0.0.1",
                    "-Djboss.bind.address.management=127.0.0.1",
                    "-Dclientele.db.url=" + dbUrl,
                    "-Dclientele.db.user=" + PG_USER,
                    "-Dclientele.db.password=" + PG_PASSWORD));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("console.log").toFile()));
            builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
            builder.environment().put("JBOSS_PIDFILE", base.resolve("jboss.pid").toString());
            builder.environment().put("JAVA_OPTS", "-Xms128m -Xmx768m -Djava.net.preferIPv4Stack=true"
                    + " -Djboss.modules.system.pkgs=org.jboss.byteman -Djava.awt.headless=true");
            script = builder.start();
        }

        /** Waits until the node answers the readiness check (/clientele/ready). */
        void awaitReady(Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (script != null && !script.isAlive()) {
                    throw new IllegalStateException(name + " exited while starting; see " + base.resolve("console.log"));
                }
                if (serves(url() + "/clientele/ready")) {
                    return;
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException(name + " not ready within " + timeout + "; see " + base.resolve("log/server.log"));
        }

        /** The JVM's process id (not the launch script's). */
        long pid() throws Exception {
            Path file = base.resolve("jboss.pid");
            for (int i = 0; i < 100 && !Files.exists(file); i++) {
                Thread.sleep(100);
            }
            return Long.parseLong(Files.readString(file).trim());
        }

        void signal(String signal) throws Exception {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + name + " failed");
            }
        }

        /** kill -9 of the JVM: no shutdown, no rollback, connections simply vanish. */
        void killHard() throws Exception {
            long pid = pid();
            signal("KILL");
            ProcessHandle.of(pid).ifPresent(h -> h.onExit().orTimeout(30, TimeUnit.SECONDS).join());
            if (script != null) {
                script.waitFor(30, TimeUnit.SECONDS);
            }
        }

        boolean running() {
            return script != null && script.isAlive();
        }

        void stop() {
            try {
                if (script == null || !script.isAlive()) {
                    return;
                }
                long pid = pid();
                Process cont = new ProcessBuilder("kill", "-CONT", Long.toString(pid)).start();
                cont.waitFor(5, TimeUnit.SECONDS);
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
                if (!script.waitFor(60, TimeUnit.SECONDS)) {
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                    script.destroyForcibly();
                }
            } catch (Exception e) {
                if (script != null) {
                    script.destroyForcibly();
                }
            }
        }

        Path serverLog() {
            return base.resolve("log/server.log");
        }
    }

    static boolean serves(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(1_000);
            c.setReadTimeout(2_000);
            try {
                return c.getResponseCode() == 200;
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** HAProxy (Debian's haproxy package) balancing round-robin over the nodes, with active health checks. */
    static final class HaProxy {
        private final Path dir;
        private final int port;
        private final Node[] nodes;
        private Process process;

        HaProxy(Path dir, int port, Node[] nodes) {
            this.dir = dir;
            this.port = port;
            this.nodes = nodes;
        }

        static String executable() {
            for (String candidate : List.of("/usr/sbin/haproxy", "/usr/local/sbin/haproxy", "/usr/bin/haproxy")) {
                if (Files.isExecutable(Path.of(candidate))) {
                    return candidate;
                }
            }
            return null;
        }

        Path socket() {
            return dir.resolve("admin.sock");
        }

        void start() throws Exception {
            String haproxy = executable();
            if (haproxy == null) {
                throw new IllegalStateException("HAProxy is not installed (apt-get install -y haproxy)");
            }
            Files.createDirectories(dir);
            Path config = dir.resolve("haproxy.cfg");
            StringBuilder servers = new StringBuilder();
            for (Node n : nodes) {
                servers.append("    server ").append(n.name).append(" 127.0.0.1:").append(n.httpPort()).append(" check\n");
            }
            // the same settings as docs/cluster.md, with the test's ports
            String cfg = Files.readString(Path.of("deploy/cluster/haproxy.cfg"), StandardCharsets.UTF_8)
                    .replace("127.0.0.1:8080", "127.0.0.1:" + port)
                    .replace("/run/haproxy/clientele-admin.sock", socket().toString())
                    .replaceAll("(?s)    # SERVERS.*?# END SERVERS\n", servers.toString().replace("$", "\\$"));
            Files.writeString(config, cfg);
            process = new ProcessBuilder(haproxy, "-db", "-f", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("haproxy.log").toFile()))
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!serves("http://127.0.0.1:" + port + "/clientele/ready")) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("HAProxy did not start; see " + dir.resolve("haproxy.log"));
                }
                Thread.sleep(200);
            }
        }

        /** Sends a command to HAProxy's admin socket and returns its answer. */
        String admin(String command) throws IOException {
            try (var channel = java.nio.channels.SocketChannel.open(java.net.UnixDomainSocketAddress.of(socket()))) {
                channel.write(java.nio.ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII)));
                var out = new java.io.ByteArrayOutputStream();
                var buffer = java.nio.ByteBuffer.allocate(8192);
                while (channel.read(buffer) > 0) {
                    out.write(buffer.array(), 0, buffer.position());
                    buffer.clear();
                }
                return out.toString(StandardCharsets.US_ASCII);
            }
        }

        /** The health-check state HAProxy holds for a node: UP, DOWN, ... */
        String state(Node node) throws IOException {
            for (String line : admin("show stat").split("\n")) {
                String[] f = line.split(",");
                if (f.length > 17 && f[0].equals("clientele_nodes") && f[1].equals(node.name)) {
                    return f[17];
                }
            }
            return "unknown";
        }

        void stop() {
            if (process != null && process.isAlive()) {
                process.destroy();
                try {
                    if (!process.waitFor(10, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void copyTree(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(d).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
