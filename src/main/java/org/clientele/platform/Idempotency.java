package org.clientele.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Makes writes with an idempotency key safe to retry. Before a write runs, its (principal, key) is claimed in
 * table idempotency_record; the write's outcome is recorded in the write's own transaction, so it exists if and
 * only if the write committed. A retry with the same key and request gets the stored outcome without executing
 * again; with a different request it gets IDEMPOTENCY_CONFLICT; a concurrent duplicate waits for the first call
 * to finish. Records live 24 hours (system property {@code clientele.idempotency.retention.hours}). Kept in the
 * database, this holds across restarts and nodes.
 */
@ApplicationScoped
public class Idempotency {
    static final Duration LEASE = Duration.ofMinutes(2);
    static final Duration WAIT = Duration.ofSeconds(30);

    @PersistenceContext(unitName = "clientele")
    EntityManager em;

    @Inject
    Transactions transactions;

    @Inject
    IdempotencyContext context;

    /** A claimed key: {@code outcome} is null when the write must execute, else the stored outcome to replay. */
    public record Claim(String principal, String key, String outcome) {
        public boolean replay() {
            return outcome != null;
        }
    }

    static Duration retention() {
        return Duration.ofHours(Long.getLong("clientele.idempotency.retention.hours", 24));
    }

    /** Claims the caller's key for this request, waiting while another call with the same key runs. */
    public Claim claim(Caller caller, String operation, String requestHash) {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            Claim claim;
            try {
                claim = transactions.inNewTransaction(() -> tryClaim(caller, operation, requestHash));
            } catch (CrmException e) {
                throw e;
            } catch (RuntimeException raced) {
                claim = null; // another call inserted the same key at the same moment: read it on the next turn
            }
            if (claim != null) {
                if (!claim.replay()) {
                    context.begin(claim);
                }
                return claim;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new CrmException(ErrorCode.CONCURRENCY, "A request with idempotency key " + caller.idempotencyKey()
                        + " is still being processed; retry later", "idempotencyKey", 2);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CrmException(ErrorCode.UNAVAILABLE, "Interrupted while waiting", null, 2);
            }
        }
    }

    private Claim tryClaim(Caller caller, String operation, String requestHash) {
        Instant now = Instant.now();
        List<?> rows = em.createNativeQuery("SELECT operation, request_hash, status, outcome, claimed_at, expires_at"
                        + " FROM idempotency_record WHERE principal = ? AND idem_key = ? FOR UPDATE")
                .setParameter(1, caller.principal()).setParameter(2, caller.idempotencyKey()).getResultList();
        if (rows.isEmpty()) {
            em.createNativeQuery("INSERT INTO idempotency_record (principal, idem_key, operation, request_hash, status,"
                            + " claimed_at, expires_at) VALUES (?, ?, ?, ?, 'IN_PROGRESS', ?, ?)")
                    .setParameter(1, caller.principal()).setParameter(2, caller.idempotencyKey())
                    .setParameter(3, operation).setParameter(4, requestHash)
                    .setParameter(5, Timestamp.from(now)).setParameter(6, Timestamp.from(now.plus(retention())))
                    .executeUpdate();
            return new Claim(caller.principal(), caller.idempotencyKey(), null);
        }
        Object[] row = (Object[]) rows.get(0);
        Instant claimedAt = instant(row[4]);
        Instant expiresAt = instant(row[5]);
        boolean expired = expiresAt.isBefore(now);
        boolean abandoned = "IN_PROGRESS".equals(row[2]) && claimedAt.isBefore(now.minus(LEASE));
        if (expired || abandoned) {
            // an expired record is forgotten; an attempt that died never committed its outcome (nor its write)
            em.createNativeQuery("UPDATE idempotency_record SET operation = ?, request_hash = ?, status = 'IN_PROGRESS',"
                            + " outcome = NULL, claimed_at = ?, expires_at = ? WHERE principal = ? AND idem_key = ?")
                    .setParameter(1, operation).setParameter(2, requestHash)
                    .setParameter(3, Timestamp.from(now)).setParameter(4, Timestamp.from(now.plus(retention())))
                    .setParameter(5, caller.principal()).setParameter(6, caller.idempotencyKey())
                    .executeUpdate();
            return new Claim(caller.principal(), caller.idempotencyKey(), null);
        }
        if (!operation.equals(row[0]) || !requestHash.equals(row[1])) {
            throw new CrmException(ErrorCode.IDEMPOTENCY_CONFLICT, "Idempotency key " + caller.idempotencyKey()
                    + " was already used for a different request (" + row[0] + "); use a new key for a new request",
                    "idempotencyKey");
        }
        if ("COMPLETED".equals(row[2])) {
            return new Claim(caller.principal(), caller.idempotencyKey(), (String) row[3]);
        }
        return null; // still running elsewhere
    }

    /** Records the outcome in the current (business) transaction, so it commits exactly when the write does. */
    public void recordInCurrentTransaction(List<ItemOutcome> outcomes) {
        Claim claim = activeClaim();
        if (claim == null || context.recorded()) {
            return;
        }
        complete(claim, outcomes);
        context.markRecorded();
    }

    /** After the write: records the outcome if no transaction did (per-item batches, rolled-back batches). */
    public void finish(Claim claim, List<ItemOutcome> outcomes) {
        try {
            if (!context.recorded()) {
                transactions.inNewTransaction(() -> {
                    complete(claim, outcomes);
                    return null;
                });
            }
        } finally {
            context.end();
        }
    }

    /** The write failed with a fault (nothing written): forget the claim so that a retry executes. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(Claim claim) {
        context.end();
        em.createNativeQuery("DELETE FROM idempotency_record WHERE principal = ? AND idem_key = ? AND status = 'IN_PROGRESS'")
                .setParameter(1, claim.principal()).setParameter(2, claim.key()).executeUpdate();
    }

    /** Deletes expired records. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeExpired() {
        return em.createNativeQuery("DELETE FROM idempotency_record WHERE expires_at < ?")
                .setParameter(1, Timestamp.from(Instant.now())).executeUpdate();
    }

    private Claim activeClaim() {
        try {
            return context.claim();
        } catch (RuntimeException noRequestScope) {
            return null; // not serving a SOAP request (e.g. a background job)
        }
    }

    private void complete(Claim claim, List<ItemOutcome> outcomes) {
        em.createNativeQuery("UPDATE idempotency_record SET status = 'COMPLETED', outcome = ? WHERE principal = ? AND idem_key = ?")
                .setParameter(1, encode(outcomes)).setParameter(2, claim.principal()).setParameter(3, claim.key())
                .executeUpdate();
    }

    /** A stable fingerprint of an operation's request. */
    public static String hash(String operation, String requestXml) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(operation.getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(requestXml.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Outcomes as text, one line each. */
    public static String encode(List<ItemOutcome> outcomes) {
        StringBuilder b = new StringBuilder();
        for (ItemOutcome o : outcomes) {
            b.append(o.success() ? 'S' : 'F').append('|').append(field(o.id())).append('|').append(field(o.version()))
                    .append('|').append(field(o.created())).append('|').append(field(o.errorCode()))
                    .append('|').append(field(o.field())).append('|').append(field(o.message())).append('\n');
        }
        return b.toString();
    }

    /** The outcomes {@link #encode} wrote. */
    public static List<ItemOutcome> decode(String text) {
        List<ItemOutcome> outcomes = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            outcomes.add(new ItemOutcome(f[0].equals("S"), toLong(f[1]), toLong(f[2]),
                    f[3].isEmpty() ? null : Boolean.valueOf(f[3]), f[4].isEmpty() ? null : ErrorCode.valueOf(f[4]),
                    unescape(f[6]), unescape(f[5])));
        }
        return outcomes;
    }

    private static String field(Object value) {
        return value == null ? "" : URLEncoder.encode(value.toString(), StandardCharsets.UTF_8);
    }

    private static String unescape(String s) {
        return s.isEmpty() ? null : URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static Long toLong(String s) {
        return s.isEmpty() ? null : Long.valueOf(s);
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
