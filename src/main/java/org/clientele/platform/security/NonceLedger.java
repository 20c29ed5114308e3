package org.clientele.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.cxf.message.Message;
import org.clientele.platform.Database;

/**
 * Records the WS-Security nonce of the request being served in table ws_nonce, inside the request's own transaction,
 * so the nonce, the request's writes and its audit row commit together (one database transaction per request).
 * The primary key makes the record atomic across every node: a nonce already stored, or stored meanwhile by a
 * concurrent twin, means a replay, and the request is refused before it reads or writes anything.
 */
@ApplicationScoped
public class NonceLedger {
    private static final int PURGE_EVERY = 1000;

    @PersistenceContext(unitName = "clientele")
    EntityManager em;

    @Inject
    Database database;

    private final AtomicLong inserts = new AtomicLong();

    /** A replayed nonce: the request is refused with a WS-Security fault. */
    public static final class Replayed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Replayed() {
            super("replayed nonce", null, false, false);
        }
    }

    /** Stores the request's nonce (if it had one) in the current transaction; throws {@link Replayed} for a replay. */
    public void record(Message message) {
        String hash = hash(message);
        if (hash == null) {
            return;
        }
        Instant now = Instant.now();
        int inserted;
        try {
            inserted = em.createNativeQuery("INSERT INTO ws_nonce (nonce_hash, expires_at) VALUES (?, ?)"
                            + (database.postgres() ? " ON CONFLICT (nonce_hash) DO NOTHING" : ""))
                    .setParameter(1, hash).setParameter(2, Timestamp.from(now.plus(DatabaseReplayCache.RETENTION)))
                    .executeUpdate();
        } catch (PersistenceException e) {
            if (duplicate(e)) {
                throw new Replayed();
            }
            throw e;
        }
        if (inserted == 0) {
            throw new Replayed();
        }
        if (inserts.incrementAndGet() % PURGE_EVERY == 0) {
            em.createNativeQuery("DELETE FROM ws_nonce WHERE expires_at < ?").setParameter(1, Timestamp.from(now))
                    .executeUpdate();
        }
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
