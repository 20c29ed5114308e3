package org.clientele.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.apache.wss4j.common.cache.ReplayCache;

/**
 * The WS-Security nonce replay cache, kept in the database (table ws_nonce) so that it holds across restarts
 * and across every node that shares the database.
 *
 * <p>WSS4J asks {@link #contains} and then calls {@link #add}. Here {@code contains} itself records the nonce
 * with an insert that the primary key makes atomic: the first request with a nonce inserts it and is let
 * through; any later one, on any node, hits the key and is reported as a replay. {@code add} has nothing left
 * to do. If the database cannot be asked, the nonce counts as seen: a request is refused rather than let
 * through unchecked.
 */
public final class DatabaseReplayCache implements ReplayCache {
    private static final Logger LOG = Logger.getLogger(DatabaseReplayCache.class.getName());
    private static final String DATASOURCE = "java:jboss/datasources/ClienteleDS";
    /** Longer than the oldest UsernameToken Created (300 s) plus the allowed clock skew that WSS4J accepts. */
    static final Duration RETENTION = Duration.ofMinutes(15);
    private static final int PURGE_EVERY = 1000;

    private final AtomicLong inserts = new AtomicLong();
    private volatile DataSource dataSource;

    @Override
    public boolean contains(String identifier) {
        Instant now = Instant.now();
        try (Connection c = dataSource().getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO ws_nonce (nonce_hash, expires_at) VALUES (?, ?)")) {
            insert.setString(1, hash(identifier));
            insert.setTimestamp(2, Timestamp.from(now.plus(RETENTION)));
            insert.executeUpdate();
            if (inserts.incrementAndGet() % PURGE_EVERY == 0) {
                purge(c, now);
            }
            return false;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return true;
            }
            LOG.log(Level.WARNING, "Nonce replay cache unavailable; refusing the request: {0}", e.toString());
            return true;
        }
    }

    @Override
    public void add(String identifier) {
        // recorded by contains()
    }

    @Override
    public void add(String identifier, Instant expiry) {
        // recorded by contains()
    }

    @Override
    public void close() {
        // the datasource belongs to the server
    }

    private static void purge(Connection c, Instant now) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM ws_nonce WHERE expires_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(now));
            delete.executeUpdate();
        }
    }

    private DataSource dataSource() throws SQLException {
        DataSource ds = dataSource;
        if (ds == null) {
            try {
                ds = (DataSource) new InitialContext().lookup(DATASOURCE);
            } catch (NamingException e) {
                throw new SQLException("datasource " + DATASOURCE + " not found", "08001", e);
            }
            dataSource = ds;
        }
        return ds;
    }

    static String hash(String nonce) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(nonce.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
