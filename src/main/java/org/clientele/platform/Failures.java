package org.clientele.platform;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Classifies unexpected exceptions (persistence, JDBC, transaction manager) into contract errors,
 * so that no stack trace, class name or SQL ever reaches a client.
 */
public final class Failures {
    private static final Logger LOG = Logger.getLogger(Failures.class.getName());
    /** Seconds a client should wait before retrying after the database was unreachable. */
    public static final int UNAVAILABLE_RETRY_AFTER = 5;

    private Failures() {
    }

    /** Turns any throwable into a CrmException; unknown failures are logged with an incident id. */
    public static CrmException classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CrmException crm) {
                return crm;
            }
            if (t instanceof OptimisticLockException || t.getClass().getName().startsWith("org.hibernate.StaleObjectState")
                    || t.getClass().getName().equals("org.hibernate.StaleStateException")) {
                return new CrmException(ErrorCode.CONCURRENCY,
                        "The record was changed by another request at the same time; read it again and retry");
            }
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t.getClass().getName().equals("jakarta.resource.ResourceException")
                    || (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
                LOG.log(Level.WARNING, "Database unavailable: {0}", t.toString());
                return new CrmException(ErrorCode.UNAVAILABLE,
                        "The database is temporarily unavailable; retry later", null, UNAVAILABLE_RETRY_AFTER);
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return constraint(sql.getMessage());
            }
            if (t.getClass().getName().equals("org.hibernate.exception.ConstraintViolationException")) {
                return constraint(t.getMessage());
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, failure);
        return new CrmException(ErrorCode.INTERNAL, "Internal error; incident " + incident + " is in the server log");
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
