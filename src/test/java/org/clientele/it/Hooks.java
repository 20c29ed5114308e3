package org.clientele.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Client of the test deployment's hooks (org.clientele.testhooks, only in the WAR that mvn verify deploys):
 * customers named {@link #FAIL}... fail with an unexpected exception, customers named {@link #HOLD}token wait
 * at a barrier until {@link #release}; {@link #purgeChangesBefore} runs the feed purge now.
 */
final class Hooks {
    static final String FAIL = "it-hook:fail:";
    static final String HOLD = "it-hook:hold:";
    /** The injected failure's SQL-like text: in the server log, never on the wire. */
    static final String LEAK = "SELECT secret FROM customer WHERE id = 1";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Hooks() {
    }

    static String post(String action, String query) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(Clientele.URL + "/clientele/it-hooks/" + action
                        + "?" + query)).timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), () -> "test hook " + action + ": " + r.body());
        return r.body().trim();
    }

    static void release(String token) throws IOException, InterruptedException {
        post("release", "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    static int arrived(String token) throws IOException, InterruptedException {
        return Integer.parseInt(post("arrived", "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
    }

    /** Waits until {@code n} requests reached the barrier. */
    static void awaitArrived(String token, int n) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (arrived(token) < n) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(n + " request(s) never reached barrier " + token);
            }
            Thread.sleep(50);
        }
    }

    static long purgeChangesBefore(Instant cutoff) throws IOException, InterruptedException {
        return Long.parseLong(post("purge-changes", "before=" + cutoff));
    }

    /** The test server's log (standalone/log/server.log). */
    static String serverLog() throws IOException {
        return Files.readString(Path.of(System.getProperty("clientele.jboss.home"), "standalone", "log", "server.log"),
                StandardCharsets.UTF_8);
    }
}
