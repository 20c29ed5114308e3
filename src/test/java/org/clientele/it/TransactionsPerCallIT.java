package org.clientele.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.clientele.ws.customer.CreateCustomers;
import org.clientele.ws.customer.CustomerPortType;
import org.clientele.ws.customer.FindCustomers;
import org.clientele.ws.customer.GetCustomers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One database transaction per request, counted by PostgreSQL itself: the delta of {@code pg_stat_database.xact_commit}
 * (every committed transaction of the database, read-only ones and connection checks included) over 1,000 calls of
 * each kind, minus what the feed sequencer commits in the background meanwhile (its rate is measured while no call
 * runs). Runs with -Ppostgres only; it prints the figures the README quotes.
 */
class TransactionsPerCallIT {
    private static final int CALLS = Integer.getInteger("clientele.it.txCalls", 1000);
    /** PostgreSQL flushes a backend's statistics when it goes idle, at the latest after 10 s (PGSTAT_IDLE_INTERVAL). */
    private static final long STATS_SETTLE_MILLIS = 11_000;
    /**
     * How long the background rate is measured. A busy backend (the feed sequencer) reports its commits about once a
     * second (PGSTAT_MIN_INTERVAL), so a window of a few seconds misses or gains up to a second of them: over 5 s the
     * rate came out 17.7/s in one run and 20.1/s in the next, which moved every result by 0.06 per call. Over 20 s
     * that error is a quarter as large.
     */
    private static final long IDLE_WINDOW_MILLIS = 20_000;

    private static CustomerPortType port;
    private static long existingId;
    /** Commits per second of the feed sequencer and everything else running while no call is made. */
    private static double idleRate;

    @BeforeAll
    static void onPostgres() throws Exception {
        assumeTrue("postgres".equals(System.getProperty("clientele.db")), "counts PostgreSQL transactions (-Ppostgres)");
        port = Clientele.customers(Clientele.INTEGRATION);
        existingId = port.createCustomers(create("Tx count " + UUID.randomUUID())).getResult().get(0).getId();
        Thread.sleep(STATS_SETTLE_MILLIS);
        long idleStart = commits();
        long idleFrom = System.nanoTime();
        Thread.sleep(IDLE_WINDOW_MILLIS);
        idleRate = (commits() - idleStart - 1) / ((System.nanoTime() - idleFrom) / 1e9);
    }

    @Test
    void getCustomers() throws Exception {
        GetCustomers get = new GetCustomers();
        get.getId().add(existingId);
        assertAtMostOne("getCustomers", () -> port.getCustomers(get));
    }

    @Test
    void findCustomers() throws Exception {
        FindCustomers find = new FindCustomers();
        find.setNameContains("Tx count");
        find.setPageSize(10);
        assertAtMostOne("findCustomers", () -> port.findCustomers(find));
    }

    @Test
    void createCustomers() throws Exception {
        assertAtMostOne("createCustomers", () -> port.createCustomers(create("Tx count " + UUID.randomUUID())));
    }

    @Test
    void createCustomersWithIdempotencyKey() throws Exception {
        CustomerPortType keyed = Clientele.customers(Clientele.INTEGRATION);
        assertAtMostOne("createCustomers+idempotencyKey", () -> {
            Clientele.withIdempotencyKey(keyed, "tx-" + UUID.randomUUID());
            keyed.createCustomers(create("Tx count " + UUID.randomUUID()));
        });
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void assertAtMostOne(String what, Call call) throws Exception {
        call.run(); // warm: connections open, statements prepared
        Thread.sleep(STATS_SETTLE_MILLIS);
        long before = commits();
        long from = System.nanoTime();
        for (int i = 0; i < CALLS; i++) {
            call.run();
        }
        double seconds = (System.nanoTime() - from) / 1e9;
        Thread.sleep(STATS_SETTLE_MILLIS);
        double background = idleRate * (seconds + STATS_SETTLE_MILLIS / 1000.0) + 1; // +1: this probe's own read
        double perCall = (commits() - before - background) / CALLS;
        System.out.printf(Locale.ROOT, "[transactions per call] %s: %.2f (%d calls in %.1f s; background %.1f/s subtracted)%n",
                what, perCall, CALLS, seconds, idleRate);
        assertTrue(perCall <= 1.05, what + " costs " + perCall + " database transactions per call");
    }

    private static long commits() throws Exception {
        String url = System.getProperty("clientele.pg.url");
        try (Connection c = DriverManager.getConnection(url, System.getProperty("clientele.pg.user", "postgres"),
                System.getProperty("clientele.pg.password", "postgres"));
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static CreateCustomers create(String name) {
        CreateCustomers create = new CreateCustomers();
        create.getCustomer().add(SyncIT.item(name));
        return create;
    }
}
