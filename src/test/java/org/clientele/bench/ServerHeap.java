package org.clientele.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the server's used heap after a full GC through the WildFly CLI (local authentication), when it is reachable. */
final class ServerHeap {
    private static final Pattern USED = Pattern.compile("\"used\"\\s*=>\\s*(\\d+)L");
    private final BenchConfig config;

    ServerHeap(BenchConfig config) {
        this.config = config;
    }

    /** Used heap in bytes after a GC, or empty when no local server is known or the CLI fails. */
    OptionalLong afterGc() {
        Path cli = Path.of(config.jbossHome(), "bin", "jboss-cli.sh");
        if (config.jbossHome().isBlank() || config.management().isBlank() || !Files.isRegularFile(cli)) {
            return OptionalLong.empty();
        }
        try {
            Process process = new ProcessBuilder(cli.toString(), "--connect", "--controller=" + config.management(),
                    "--commands=/core-service=platform-mbean/type=memory:gc,"
                            + "/core-service=platform-mbean/type=memory:read-attribute(name=heap-memory-usage)")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                System.out.println("  heap: CLI failed: " + output.strip());
                return OptionalLong.empty();
            }
            Matcher used = USED.matcher(output);
            return used.find() ? OptionalLong.of(Long.parseLong(used.group(1))) : OptionalLong.empty();
        } catch (IOException e) {
            System.out.println("  heap: " + e);
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }
}
