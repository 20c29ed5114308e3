package org.clientele.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.apache.cxf.message.Message;
import org.clientele.platform.Database;
import org.hibernate.Session;

/**
 * Records the WS-Security nonce of the request being served in table ws_nonce, inside the request's own transaction,
 * so the nonce, the request's writes and its audit row commit together (one database transaction per request).
 * The primary key makes the record atomic across every node: a nonce already stored, or stored meanwhile by a
 * concurrent twin, means a replay, and the request is refused before it reads or writes anything.
 */
@ApplicationScoped
public class NonceLedger {
    /** The most expired nonces one purge deletes (see {@link NoncePurge}). */
    static final int PURGE_BATCH = 2000;

    @PersistenceContext(unitName = "clientele")
    EntityManager em;

    @Inject
    Database database;

    /** A replayed nonce: the request is refused with a WS-Security fault. */
    public static final class Replayed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Replayed() {
            super("replayed nonce", null, false, false);
        }
    }

    /** Stores the request's nonce (if it had one) in the current transaction; throws {@link Replayed} for a replay. */
    public void record(Message message) {
        record(message, false);
    }

    /**
     * Stores the nonce of a read in the current transaction and, on PostgreSQL, lets that transaction commit without
     * waiting for the write-ahead-log flush ({@code synchronous_commit = off} for this transaction only), in the same
     * statement, so a read costs one round trip before its own queries. All a read writes is its nonce: a database
     * crash may forget the nonces of at most the last fraction of a second (wal_writer_delay, 200 ms by default); those
     * requests returned data once and wrote nothing (docs/security.md). A request without a nonce writes nothing, so
     * its commit has nothing to flush.
     */
    public void recordForRead(Message message) {
        record(message, true);
    }

    private void record(Message message, boolean read) {
        String hash = hash(message);
        if (hash == null) {
            return;
        }
        Instant now = Instant.now();
        String sql = !database.postgres() ? "INSERT INTO ws_nonce (nonce_hash, expires_at) VALUES (?, ?)"
                : read ? "INSERT INTO ws_nonce (nonce_hash, expires_at)"
                        + " SELECT CAST(? AS VARCHAR(64)), CAST(? AS TIMESTAMP(6) WITH TIME ZONE)"
                        + " FROM (SELECT set_config('synchronous_commit', 'off', true)) AS relaxed"
                        + " ON CONFLICT (nonce_hash) DO NOTHING"
                : "INSERT INTO ws_nonce (nonce_hash, expires_at) VALUES (?, ?) ON CONFLICT (nonce_hash) DO NOTHING";
        Timestamp expires = Timestamp.from(now.plus(DatabaseReplayCache.RETENTION));
        int inserted;
        try {
            // plain JDBC on the transaction's connection: a native query through the entity manager would also have
            // Hibernate invalidate every entity's cached state (it cannot tell which tables a native statement touches)
            inserted = em.unwrap(Session.class).doReturningWork(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(sql)) {
                    insert.setString(1, hash);
                    insert.setTimestamp(2, expires);
                    return insert.executeUpdate();
                }
            });
        } catch (PersistenceException e) {
            if (duplicate(e)) {
                throw new Replayed();
            }
            throw e;
        }
        if (inserted == 0) {
            throw new Replayed();
        }
    }

    /**
     * Deletes expired nonces, at most {@link #PURGE_BATCH} (the oldest), in the current transaction; {@link NoncePurge}
     * calls it in the background until a batch comes back short. On PostgreSQL it skips rows another node's purge has
     * locked.
     *
     * @return how many were deleted
     */
    public int purgeExpired(Instant now) {
        return em.createNativeQuery("DELETE FROM ws_nonce WHERE nonce_hash IN (SELECT nonce_hash FROM ws_nonce"
                        + " WHERE expires_at < ? ORDER BY expires_at FETCH FIRST " + PURGE_BATCH + " ROWS ONLY"
                        + (database.postgres() ? " FOR UPDATE SKIP LOCKED)" : ")"))
                .setParameter(1, Timestamp.from(now)).executeUpdate();
    }

    /** Stores the nonce of a refused request unless it is stored already, so that a replay of it is refused too. */
    public void recordIfNew(Message message) {
        String hash = hash(message);
        if (hash == null) {
            return;
        }
        em.createNativeQuery("INSERT INTO ws_nonce (nonce_hash, expires_at) SELECT CAST(? AS VARCHAR(64)),"
                        + " CAST(? AS TIMESTAMP(6) WITH TIME ZONE) FROM (VALUES (0)) AS one (x)"
                        + " WHERE NOT EXISTS (SELECT 1 FROM ws_nonce WHERE nonce_hash = ?)")
                .setParameter(1, hash).setParameter(2, Timestamp.from(Instant.now().plus(DatabaseReplayCache.RETENTION)))
                .setParameter(3, hash).executeUpdate();
    }

    private static String hash(Message message) {
        Object nonce = message == null || message.getExchange() == null ? null
                : message.getExchange().get(DatabaseReplayCache.NONCE);
        return nonce instanceof String n ? DatabaseReplayCache.hash(n) : null;
    }

    private static boolean duplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("23505".equals(sql.getSQLState()) || sql.getErrorCode() == 90131)) {
                return true;
            }
        }
        return false;
    }
}
