package org.clientele.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * After a data set is loaded on PostgreSQL, does what autovacuum does to a table after a bulk load (VACUUM ANALYZE)
 * before anything is measured. A server with autovacuum on (PostgreSQL's default) vacuums and analyzes a table on its
 * own once a fifth (vacuum) or a tenth (analyze) of it changed, but at a moment of its choosing; with autovacuum off (as
 * on the build machine) it never does. Without statistics the first run at 1,000,000 customers measured a
 * {@code modifiedSince} search walking the whole primary key (1 s a call) instead of reading the updated_at index
 * (0.1 ms); without VACUUM the trigram index keeps its pending list and the entries of every dead row version the
 * load's updates left. Measuring after VACUUM ANALYZE measures the database a production server keeps.
 */
final class PlannerStatistics {

    private PlannerStatistics() {
    }

    static void analyze(BenchConfig config) throws Exception {
        Properties credentials = new Properties();
        credentials.setProperty("user", config.jdbcUser());
        credentials.setProperty("password", config.jdbcPassword());
        try (Connection c = new org.postgresql.Driver().connect(config.jdbcUrl(), credentials); Statement s = c.createStatement()) {
            String autovacuum;
            try (ResultSet r = s.executeQuery("SHOW autovacuum")) {
                r.next();
                autovacuum = r.getString(1);
            }
            long start = System.nanoTime();
            s.execute("VACUUM ANALYZE");
            System.out.printf("  VACUUM ANALYZE after loading: %.1f s (autovacuum is %s on this server)%n",
                    (System.nanoTime() - start) / 1e9, autovacuum);
        }
    }
}
