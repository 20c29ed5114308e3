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
 * Makes writes with an idempotency key safe to retry. The key is claimed in table idempotency_record inside the
 * request's own transaction, and the outcome is written there too, so the record exists if and only if the write
 * committed. A retry with the same key and request gets the stored outcome without executing again; with a different
 * request it gets IDEMPOTENCY_CONFLICT. A concurrent duplicate waits on the database row lock of the executing
 * transaction: it replays the outcome when that transaction commits, executes itself when it rolled back or its node
 * died (the lock goes with the connection), and gets a retryable CONCURRENCY fault when the wait exceeds the lock
 * timeout ({@link #WAIT_SECONDS} s on PostgreSQL, the datasource's LOCK_TIMEOUT on H2). So a key never executes twice,
 * however long the first attempt runs. Records live 24 hours (system property
 * {@code clientele.idempotency.retention.hours}).
 */
@ApplicationScoped
public class Idempotency {
    /** How long a duplicate waits for the executing call with the same key (PostgreSQL lock_timeout). */
    static final int WAIT_SECONDS = 30;

    @PersistenceContext(unitName = "clientele")
    EntityManager em;

    @Inject
    Database database;

    /** A claimed key: {@code outcome} is null when the write must execute, else the stored outcome to replay. */
    public record Claim(String principal, String key, String outcome) {
        public boolean replay() {
            return outcome != null;
        }
    }

    /** Signals that a concurrent call inserted the same key first; the request is retried in a new transaction. */
    public static final class Raced extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Raced() {
            super("idempotency key raced", null, false, false);
        }
    }

    static Duration retention() {
        return Duration.ofHours(Long.getLong("clientele.idempotency.retention.hours", 24));
    }

    /**
     * Claims the caller's key for this request in the current transaction. Returns the stored outcome of a completed
     * call with the same request, or a fresh claim that {@link #complete} must finish in the same transaction.
     */
    public Claim claim(Caller caller, String operation, String requestHash) {
        Instant now = Instant.now();
        try {
            if (database.postgres()) {
                em.createNativeQuery("SET LOCAL lock_timeout = '" + WAIT_SECONDS + "s'").executeUpdate();
            }
            Object[] row = lockedRow(caller);
            if (row == null) {
                int inserted = em.createNativeQuery("INSERT INTO idempotency_record (principal, idem_key, operation, request_hash,"
                                + " status, claimed_at, expires_at) VALUES (?, ?, ?, ?, 'IN_PROGRESS', ?, ?)"
                                + (database.postgres() ? " ON CONFLICT (principal, idem_key) DO NOTHING" : ""))
                        .setParameter(1, caller.principal()).setParameter(2, caller.idempotencyKey())
                        .setParameter(3, operation).setParameter(4, requestHash)
                        .setParameter(5, Timestamp.from(now)).setParameter(6, Timestamp.from(now.plus(retention())))
                        .executeUpdate();
                if (inserted == 1) {
                    return new Claim(caller.principal(), caller.idempotencyKey(), null);
                }
                row = lockedRow(caller); // PostgreSQL: the concurrent call committed while this insert waited for it
                if (row == null) {
                    throw new Raced();
                }
            }
            return existing(caller, operation, requestHash, row, now);
        } catch (CrmException | Raced e) {
            throw e;
        } catch (RuntimeException e) {
            if (isLockTimeout(e)) {
                throw new CrmException(ErrorCode.CONCURRENCY, "A request with idempotency key " + caller.idempotencyKey()
                        + " is still being processed; retry later", "idempotencyKey", 2);
            }
            if (isDuplicateKey(e)) {
                throw new Raced(); // H2: the concurrent call committed the same key while this insert waited for it
            }
            throw e;
        }
    }

    private Object[] lockedRow(Caller caller) {
        List<?> rows = em.createNativeQuery("SELECT operation, request_hash, status, outcome, expires_at"
                        + " FROM idempotency_record WHERE principal = ? AND idem_key = ? FOR UPDATE")
                .setParameter(1, caller.principal()).setParameter(2, caller.idempotencyKey()).getResultList();
        return rows.isEmpty() ? null : (Object[]) rows.get(0);
    }

    private Claim existing(Caller caller, String operation, String requestHash, Object[] row, Instant now) {
        boolean expired = instant(row[4]).isBefore(now);
        // IN_PROGRESS is never committed by a request; a committed one is left from an interrupted item-by-item batch
        if (expired || !"COMPLETED".equals(row[2])) {
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
        return new Claim(caller.principal(), caller.idempotencyKey(), (String) row[3]);
    }

    /** Records the outcome of a claimed call, in the transaction of the write, so it commits exactly when the write does. */
    public void complete(Claim claim, List<ItemOutcome> outcomes) {
        em.createNativeQuery("UPDATE idempotency_record SET status = 'COMPLETED', outcome = ? WHERE principal = ? AND idem_key = ?")
                .setParameter(1, encode(outcomes)).setParameter(2, claim.principal()).setParameter(3, claim.key())
                .executeUpdate();
    }

    /** Deletes expired records. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeExpired() {
        return em.createNativeQuery("DELETE FROM idempotency_record WHERE expires_at < ?")
                .setParameter(1, Timestamp.from(Instant.now())).executeUpdate();
    }

    private static boolean isLockTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql) {
                // PostgreSQL lock_not_available; H2 LOCK_TIMEOUT (50200)
                if ("55P03".equals(sql.getSQLState()) || sql.getErrorCode() == 50200 || "HYT00".equals(sql.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // a unique key taken (23505), or H2's concurrent update of the same key (90131)
            if (t instanceof java.sql.SQLException sql && ("23505".equals(sql.getSQLState()) || sql.getErrorCode() == 90131)) {
                return true;
            }
        }
        return false;
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
