package org.clientele.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.clientele.sync.ChangeRecord;

/**
 * The delivery bookkeeping of subscriptions, in short transactions of their own, never held across a call to a
 * listener. A node delivers a subscription only while it holds the row's lease: it takes it with a conditional update
 * (active, due, lease free or run out) and records every outcome with a conditional update on its lease token, so
 * exactly one node delivers a subscription at a time, and a node that froze or died loses the subscription when the
 * lease runs out (the frozen node's late outcome then changes nothing). Delivery never moves the subscription's
 * version: an administrator's pause or resume does not race with it.
 */
@ApplicationScoped
public class DeliveryLeases {

    @PersistenceContext(unitName = "clientele")
    EntityManager em;

    /** A taken lease and what the delivery needs to know of the subscription. */
    public record Lease(long subscriptionId, String token, String name, String listenerUrl, Set<ChangeRecord.EntityType> types,
                        boolean includeSnapshots, int batchSize, String username, String passwordSealed, String passwordType,
                        long acknowledgedSequence, int consecutiveFailures) {
    }

    /** Active subscriptions due at {@code now}, behind {@code latestSequence}, whose lease is free; oldest due first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Long> due(Instant now, long latestSequence, int max) {
        if (max <= 0) {
            return List.of();
        }
        return em.createNativeQuery("SELECT id FROM subscription WHERE status = 'ACTIVE' AND next_attempt_at <= :now"
                        + " AND acknowledged_sequence < :latest AND (lease_until IS NULL OR lease_until < :now)"
                        + " ORDER BY next_attempt_at, id", Long.class)
                .setParameter("now", now).setParameter("latest", latestSequence).setMaxResults(max).getResultList();
    }

    /** Takes the subscription's lease for {@code length} when it is active, due and free; null otherwise. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Lease claim(long id, String node, Instant now, Duration length) {
        String token = node + "/" + UUID.randomUUID();
        int taken = em.createNativeQuery("UPDATE subscription SET lease_token = :token, lease_until = :until"
                        + " WHERE id = :id AND status = 'ACTIVE' AND next_attempt_at <= :now"
                        + " AND (lease_until IS NULL OR lease_until < :now)")
                .setParameter("token", token).setParameter("until", now.plus(length)).setParameter("id", id)
                .setParameter("now", now).executeUpdate();
        if (taken == 0) {
            return null;
        }
        Subscription s = em.find(Subscription.class, id);
        return new Lease(id, token, s.getName(), s.getListenerUrl(), s.entityTypes(), s.isIncludeSnapshots(), s.getBatchSize(),
                s.getUsername(), s.getPasswordSealed(), s.getPasswordType(), s.getAcknowledgedSequence(), s.getConsecutiveFailures());
    }

    /** What became of a lease when an acknowledgement was recorded. */
    public enum Held {
        /** Still held, and the subscription is still ACTIVE: the run may go on. */
        ACTIVE,
        /** Still held, but an administrator paused the subscription meanwhile: the run gives the lease back. */
        STOPPED,
        /** Lost: it ran out and another node took it, or the subscription was deleted. */
        LOST
    }

    /**
     * Records that the listener acknowledged everything up to {@code acknowledged} (never moving backwards) and keeps
     * the lease until {@code renewUntil}. A page in flight while the subscription was paused is still recorded.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Held acknowledged(Lease lease, long acknowledged, Instant now, Instant renewUntil) {
        int updated = em.createNativeQuery("UPDATE subscription SET acknowledged_sequence = CASE WHEN acknowledged_sequence < :ack"
                        + " THEN :ack ELSE acknowledged_sequence END, last_delivered_at = :now, consecutive_failures = 0,"
                        + " last_error = NULL, last_error_at = NULL, next_attempt_at = :now, lease_until = :until"
                        + " WHERE id = :id AND lease_token = :token")
                .setParameter("ack", acknowledged).setParameter("now", now).setParameter("until", renewUntil)
                .setParameter("id", lease.subscriptionId()).setParameter("token", lease.token()).executeUpdate();
        if (updated == 0) {
            return Held.LOST;
        }
        Object status = em.createNativeQuery("SELECT status FROM subscription WHERE id = :id")
                .setParameter("id", lease.subscriptionId()).getSingleResult();
        return "ACTIVE".equals(status) ? Held.ACTIVE : Held.STOPPED;
    }

    /**
     * Moves the position past changes of other types without a call (the page held none of the subscription's types)
     * and keeps the lease until {@code renewUntil}; false when the lease was lost.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean skipped(Lease lease, long position, Instant renewUntil) {
        return em.createNativeQuery("UPDATE subscription SET acknowledged_sequence = CASE WHEN acknowledged_sequence < :pos"
                        + " THEN :pos ELSE acknowledged_sequence END, lease_until = :until WHERE id = :id AND lease_token = :token")
                .setParameter("pos", position).setParameter("until", renewUntil)
                .setParameter("id", lease.subscriptionId()).setParameter("token", lease.token()).executeUpdate() == 1;
    }

    /** Gives the lease back; the subscription is due again at {@code nextAttempt}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(Lease lease, Instant nextAttempt) {
        em.createNativeQuery("UPDATE subscription SET next_attempt_at = :next, lease_token = NULL, lease_until = NULL"
                        + " WHERE id = :id AND lease_token = :token")
                .setParameter("next", nextAttempt).setParameter("id", lease.subscriptionId())
                .setParameter("token", lease.token()).executeUpdate();
    }

    /** Records a failed delivery (one more consecutive failure) and gives the lease back until {@code nextAttempt}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(Lease lease, String error, Instant now, Instant nextAttempt) {
        em.createNativeQuery("UPDATE subscription SET consecutive_failures = consecutive_failures + 1, last_error = :error,"
                        + " last_error_at = :now, next_attempt_at = :next, lease_token = NULL, lease_until = NULL"
                        + " WHERE id = :id AND lease_token = :token")
                .setParameter("error", truncate(error)).setParameter("now", now).setParameter("next", nextAttempt)
                .setParameter("id", lease.subscriptionId()).setParameter("token", lease.token()).executeUpdate();
    }

    /** The feed no longer holds the changes after the subscription's position: it stops for good (EXPIRED). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void expired(Lease lease, String error, Instant now) {
        em.createNativeQuery("UPDATE subscription SET status = 'EXPIRED', version = version + 1, last_error = :error,"
                        + " last_error_at = :now, lease_token = NULL, lease_until = NULL WHERE id = :id AND lease_token = :token")
                .setParameter("error", truncate(error)).setParameter("now", now)
                .setParameter("id", lease.subscriptionId()).setParameter("token", lease.token()).executeUpdate();
    }

    /** Frees the leases a node held before it (re)started: the deliveries they stood for died with it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int releaseAllOf(String node) {
        return em.createNativeQuery("UPDATE subscription SET lease_token = NULL, lease_until = NULL WHERE lease_token LIKE :prefix")
                .setParameter("prefix", node.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%")
                .executeUpdate();
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 997) + "...";
    }
}
