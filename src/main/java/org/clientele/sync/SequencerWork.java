package org.clientele.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.hibernate.Session;

/**
 * The sequencer's transactions. Each pass locks the single row of change_sequencer (so at most one pass runs
 * at a time across all nodes), then numbers the change rows that are committed but not yet numbered, in id
 * order, continuing from the last sequence. Because a row is numbered only once it is visible, and a pass
 * commits its whole range at once, a reader that sees sequence N can never later find a lower one appear.
 */
@ApplicationScoped
public class SequencerWork {

    /** The feed's bounds: the last numbered sequence and the sequence through which changes were purged. */
    public record Bounds(long lastSequence, long purgedThrough) {
    }

    @PersistenceContext(unitName = "clientele")
    EntityManager em;

    /** Numbers up to {@code max} pending changes; returns how many it numbered. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int sequencePending(int max) {
        Bounds locked = tryLock();
        if (locked == null) {
            return 0; // another node is sequencing right now
        }
        long last = locked.lastSequence();
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id FROM change_log WHERE sequence IS NULL ORDER BY id")
                .setMaxResults(max).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        long[] next = {last};
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE change_log SET sequence = ? WHERE id = ?")) {
                for (Number id : ids) {
                    update.setLong(1, ++next[0]);
                    update.setLong(2, id.longValue());
                    update.addBatch();
                }
                update.executeBatch();
            }
            try (PreparedStatement bounds = connection.prepareStatement("UPDATE change_sequencer SET last_sequence = ? WHERE id = 1")) {
                bounds.setLong(1, next[0]);
                bounds.executeUpdate();
            }
        });
        return ids.size();
    }

    /** Deletes numbered changes made before the cutoff; CURSOR_EXPIRED then applies to cursors before them. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long purgeBefore(Instant cutoff) {
        boundWaits();
        Bounds bounds = lock();
        Number through = (Number) em.createNativeQuery(
                        "SELECT MAX(sequence) FROM change_log WHERE sequence IS NOT NULL AND changed_at < ?")
                .setParameter(1, Timestamp.from(cutoff)).getSingleResult();
        if (through == null || through.longValue() <= bounds.purgedThrough()) {
            return 0;
        }
        long purged = em.createNativeQuery("DELETE FROM change_log WHERE sequence IS NOT NULL AND sequence <= ?")
                .setParameter(1, through.longValue()).executeUpdate();
        em.createNativeQuery("UPDATE change_sequencer SET purged_through = ? WHERE id = 1")
                .setParameter(1, through.longValue()).executeUpdate();
        return purged;
    }

    /** The current bounds, without locking. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Bounds bounds() {
        Object[] row = (Object[]) em.createNativeQuery("SELECT last_sequence, purged_through FROM change_sequencer WHERE id = 1")
                .getSingleResult();
        return new Bounds(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /**
     * Locks the sequencer row unless another transaction holds it (then null, at once). On PostgreSQL the holder's
     * session is also bounded: should its node freeze or lose its network while holding the lock,
     * PostgreSQL ends the session after {@value #HOLDER_IDLE_SECONDS} s idle in the transaction, which releases
     * the lock for the other nodes.
     */
    private Bounds tryLock() {
        boundWaits();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT last_sequence, purged_through FROM change_sequencer WHERE id = 1 FOR UPDATE SKIP LOCKED")
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = rows.get(0);
        return new Bounds(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /** Seconds a sequencer transaction may sit idle (its node frozen or cut off) before PostgreSQL ends it. */
    static final int HOLDER_IDLE_SECONDS = 3;
    /** Seconds the purge waits for the sequencer lock before giving up until the next hour. */
    static final int PURGE_LOCK_WAIT_SECONDS = 5;

    private void boundWaits() {
        if (postgres()) {
            em.unwrap(Session.class).doWork(connection -> {
                try (java.sql.Statement set = connection.createStatement()) {
                    set.execute("SET LOCAL idle_in_transaction_session_timeout = '" + HOLDER_IDLE_SECONDS + "s'");
                    set.execute("SET LOCAL lock_timeout = '" + PURGE_LOCK_WAIT_SECONDS + "s'");
                }
            });
        }
    }

    private volatile Boolean postgres;

    private boolean postgres() {
        Boolean p = postgres;
        if (p == null) {
            p = em.unwrap(Session.class).doReturningWork(c -> c.getMetaData().getDatabaseProductName())
                    .toLowerCase(java.util.Locale.ROOT).contains("postgres");
            postgres = p;
        }
        return p;
    }

    private Bounds lock() {
        Object[] row = (Object[]) em.createNativeQuery(
                        "SELECT last_sequence, purged_through FROM change_sequencer WHERE id = 1 FOR UPDATE")
                .getSingleResult();
        return new Bounds(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }
}
