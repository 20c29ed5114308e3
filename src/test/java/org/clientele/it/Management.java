package org.clientele.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The test server's management CLI (jboss-cli.sh of the server the build started). */
final class Management {
    private static final String JBOSS_HOME = System.getProperty("clientele.jboss.home", "");
    private static final String CONTROLLER = System.getProperty("clientele.management", "127.0.0.1:9990");

    private Management() {
    }

    /** Runs one CLI command; fails the test when the CLI does not succeed. Returns its output. */
    static String cli(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(JBOSS_HOME, "bin", "jboss-cli.sh").toString(), "-c",
                "--controller=" + CONTROLLER, "--timeout=120000", "--command=" + command).redirectErrorStream(true).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "jboss-cli " + command + " did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), command + ": " + out);
        return out;
    }
}
