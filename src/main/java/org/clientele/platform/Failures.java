package org.clientele.platform;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Classifies unexpected exceptions (persistence, JDBC, connection pool, transaction manager) into contract
 * errors, so that no stack trace, class name or SQL ever reaches a client.
 *
 * <p>Database faults are {@link ErrorCode#UNAVAILABLE}, retryable, with {@code retryAfterSeconds}, whatever
 * layer reports them:
 * <ul>
 * <li>unreachable or lost connection: SQLSTATE class 08, the JDBC connection exception types, and the server
 *     going away under us: 57P01 (admin shutdown, also {@code pg_terminate_backend} and failover), 57P02 (crash
 *     shutdown), 57P03 (cannot connect now, e.g. starting up or in recovery) — retry after
 *     {@value #UNAVAILABLE_RETRY_AFTER} s;</li>
 * <li>resources: the pool had no connection within its blocking timeout (IronJacamar IJ000453/IJ000655),
 *     53300 too many connections and the rest of class 53 — retry after {@value #UNAVAILABLE_RETRY_AFTER} s;</li>
 * <li>bounded waits that ran out: 57014 statement timeout (or cancel), 55P03 lock not available
 *     ({@code lock_timeout}) — retry after {@value #UNAVAILABLE_RETRY_AFTER} s and {@value #CONTENTION_RETRY_AFTER} s;</li>
 * <li>40001 serialization failure and 40P01 deadlock: the transaction was rolled back because it collided with
 *     another one, not because the record changed since the client read it. The same request, sent again,
 *     normally succeeds, so they are UNAVAILABLE with a retry after {@value #CONTENTION_RETRY_AFTER} s, not
 *     CONCURRENCY (which tells the client to read the record again first).</li>
 * </ul>
 * These are logged as one line per kind per {@link RateLimitedLog#DEFAULT_INTERVAL_MILLIS 30 s}, without stack
 * trace; anything unknown is INTERNAL and logged in full with an incident id.
 */
public final class Failures {
    private static final Logger LOG = Logger.getLogger(Failures.class.getName());
    private static final RateLimitedLog INCIDENTS = new RateLimitedLog(LOG);
    /** Seconds a client should wait before retrying after the database was unreachable. */
    public static final int UNAVAILABLE_RETRY_AFTER = 5;
    /** Seconds a client should wait before retrying after a lock timeout, deadlock or serialization failure. */
    public static final int CONTENTION_RETRY_AFTER = 1;

    private static final int MAX_VISITED = 64;

    /** A database fault: the incident kind logged, and the retry hint given to the client. */
    public enum DatabaseFault {
        UNREACHABLE("database unreachable", UNAVAILABLE_RETRY_AFTER),
        CONNECTION_LOST("database connection lost", UNAVAILABLE_RETRY_AFTER),
        SERVER_SHUTDOWN("database server shutting down or restarting", UNAVAILABLE_RETRY_AFTER),
        POOL_EXHAUSTED("no pooled database connection available within the blocking timeout", UNAVAILABLE_RETRY_AFTER),
        TOO_MANY_CONNECTIONS("database refuses connections: too many connections", UNAVAILABLE_RETRY_AFTER),
        INSUFFICIENT_RESOURCES("database out of resources", UNAVAILABLE_RETRY_AFTER),
        STATEMENT_TIMEOUT("database statement timed out or was cancelled", UNAVAILABLE_RETRY_AFTER),
        LOCK_TIMEOUT("database lock not available within lock_timeout", CONTENTION_RETRY_AFTER),
        SERIALIZATION_FAILURE("transaction rolled back: serialization failure", CONTENTION_RETRY_AFTER),
        DEADLOCK("transaction rolled back: deadlock detected", CONTENTION_RETRY_AFTER);

        private final String description;
        private final int retryAfterSeconds;

        DatabaseFault(String description, int retryAfterSeconds) {
            this.description = description;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public int retryAfterSeconds() {
            return retryAfterSeconds;
        }

        public String description() {
            return description;
        }
    }

    private Failures() {
    }

    /** Turns any throwable into a CrmException; unknown failures are logged with an incident id. */
    public static CrmException classify(Throwable failure) {
        DatabaseFault fallback = null;
        Throwable fallbackCause = null;
        for (Throwable t : chain(failure)) {
            if (t instanceof CrmException crm) {
                return crm;
            }
            if (t instanceof OptimisticLockException || t.getClass().getName().startsWith("org.hibernate.StaleObjectState")
                    || t.getClass().getName().equals("org.hibernate.StaleStateException")) {
                return new CrmException(ErrorCode.CONCURRENCY,
                        "The record was changed by another request at the same time; read it again and retry");
            }
            String state = t instanceof SQLException sql ? sql.getSQLState() : null;
            if (state != null && state.startsWith("23")) {
                return constraint(t.getMessage());
            }
            DatabaseFault byState = bySqlState(state);
            if (byState != null) {
                return unavailable(byState, t);
            }
            if (t.getClass().getName().equals("org.hibernate.exception.ConstraintViolationException")) {
                return constraint(t.getMessage());
            }
            DatabaseFault byShape = byShape(t);
            if (byShape != null && (fallback == null || byShape.ordinal() > fallback.ordinal())) {
                // keep looking: a cause further down (an SQLSTATE) says more than a wrapper; more specific kinds win
                fallback = byShape;
                fallbackCause = t;
            }
        }
        if (fallback != null) {
            return unavailable(fallback, fallbackCause);
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, failure);
        return new CrmException(ErrorCode.INTERNAL, "Internal error; incident " + incident + " is in the server log");
    }

    /**
     * Whether the failure is the loss of an established database connection (SQLSTATE class 08 other than "could not
     * connect", or the server ending the session: 57P01, 57P02): the connection, not the request, failed. Logs nothing.
     */
    public static boolean lostConnection(Throwable failure) {
        for (Throwable t : chain(failure)) {
            DatabaseFault fault = t instanceof SQLException sql ? bySqlState(sql.getSQLState()) : null;
            if (fault == DatabaseFault.CONNECTION_LOST
                    || fault == DatabaseFault.SERVER_SHUTDOWN && !"57P03".equals(((SQLException) t).getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The database fault an SQLSTATE stands for, or null when it is none of them. */
    public static DatabaseFault bySqlState(String state) {
        if (state == null || state.length() != 5) {
            return null;
        }
        String s = state.toUpperCase(Locale.ROOT);
        if (s.equals("08001") || s.equals("08004")) {
            return DatabaseFault.UNREACHABLE;
        }
        if (s.startsWith("08")) {
            return DatabaseFault.CONNECTION_LOST;
        }
        switch (s) {
            case "57P01", "57P02", "57P03":
                return DatabaseFault.SERVER_SHUTDOWN;
            case "53300":
                return DatabaseFault.TOO_MANY_CONNECTIONS;
            case "57014":
                return DatabaseFault.STATEMENT_TIMEOUT;
            case "55P03":
                return DatabaseFault.LOCK_TIMEOUT;
            case "40001":
                return DatabaseFault.SERIALIZATION_FAILURE;
            case "40P01":
                return DatabaseFault.DEADLOCK;
            default:
                break;
        }
        if (s.startsWith("53")) {
            return DatabaseFault.INSUFFICIENT_RESOURCES;
        }
        return null;
    }

    /** Database faults recognised by exception type or pool message, where no SQLSTATE says more. */
    private static DatabaseFault byShape(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage();
        if (message.contains("IJ000655") || message.contains("No managed connections available")) {
            return DatabaseFault.POOL_EXHAUSTED;
        }
        if (t instanceof SQLTimeoutException || isA(t, "jakarta.persistence.QueryTimeoutException")) {
            return DatabaseFault.STATEMENT_TIMEOUT;
        }
        if (isA(t, "jakarta.persistence.LockTimeoutException")) {
            return DatabaseFault.LOCK_TIMEOUT;
        }
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException || t instanceof java.net.ConnectException) {
            return DatabaseFault.UNREACHABLE;
        }
        if (t instanceof java.net.SocketException || t instanceof java.io.EOFException
                || isA(t, "org.hibernate.exception.JDBCConnectionException")) {
            return DatabaseFault.CONNECTION_LOST;
        }
        if (isA(t, "jakarta.resource.ResourceException") || message.contains("IJ000453")) {
            return DatabaseFault.UNREACHABLE;
        }
        return null;
    }

    private static boolean isA(Throwable t, String className) {
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    /** The failure, its causes, suppressed exceptions and SQL next-exceptions, outermost first. */
    private static Iterable<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> queue = new ArrayDeque<>();
        java.util.List<Throwable> ordered = new java.util.ArrayList<>();
        if (failure != null) {
            queue.add(failure);
        }
        while (!queue.isEmpty() && ordered.size() < MAX_VISITED) {
            Throwable t = queue.poll();
            if (!seen.add(t)) {
                continue;
            }
            ordered.add(t);
            if (t.getCause() != null) {
                queue.add(t.getCause());
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                queue.add(sql.getNextException());
            }
            for (Throwable s : t.getSuppressed()) {
                queue.add(s);
            }
        }
        return ordered;
    }

    private static CrmException unavailable(DatabaseFault fault, Throwable cause) {
        String state = cause instanceof SQLException sql && sql.getSQLState() != null ? " SQLSTATE " + sql.getSQLState() : "";
        INCIDENTS.log(Level.WARNING, fault.name(), fault.description() + state + ": " + oneLine(cause));
        return new CrmException(ErrorCode.UNAVAILABLE,
                "The database is temporarily unavailable; retry later", null, fault.retryAfterSeconds());
    }

    private static String oneLine(Throwable t) {
        String s = String.valueOf(t.getMessage());
        int nl = s.indexOf('\n');
        s = nl < 0 ? s : s.substring(0, nl);
        return t.getClass().getSimpleName() + ": " + (s.length() > 300 ? s.substring(0, 300) + "..." : s);
    }

    private static CrmException constraint(String detail) {
        String d = detail == null ? "" : detail.toLowerCase(Locale.ROOT);
        if (d.contains("uq_external_key")) {
            return CrmException.validation("externalKey", "An external key of this item already belongs to another customer");
        }
        if (d.contains("fk_")) {
            return CrmException.validation(null, "A referenced record no longer exists");
        }
        return CrmException.validation(null, "The item conflicts with data stored meanwhile");
    }
}
