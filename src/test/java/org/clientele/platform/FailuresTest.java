package org.clientele.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Proves {@link Failures#classify} maps technical failures to contract codes without leaking internals. */
class FailuresTest {
    private static Level previous;

    @BeforeAll
    static void quietLog() {
        // INTERNAL failures are logged with their stack trace on purpose; keep the test output readable
        Logger log = Logger.getLogger(Failures.class.getName());
        previous = log.getLevel();
        log.setLevel(Level.OFF);
    }

    @AfterAll
    static void restoreLog() {
        Logger.getLogger(Failures.class.getName()).setLevel(previous);
    }

    @Test
    void connectionFailureIsUnavailableAndRetryable() {
        CrmException e = Failures.classify(new PersistenceException("could not connect",
                new SQLException("Connection refused", "08001")));
        assertEquals(ErrorCode.UNAVAILABLE, e.code());
        assertTrue(e.code().retryable());
        assertEquals(Failures.UNAVAILABLE_RETRY_AFTER, e.retryAfterSeconds());
        assertFalse(e.getMessage().contains("refused"), e.getMessage());
    }

    @Test
    void transientConnectionExceptionIsUnavailable() {
        assertEquals(ErrorCode.UNAVAILABLE, Failures.classify(new SQLTransientConnectionException("pool exhausted")).code());
    }

    @Test
    void duplicateExternalKeyIsValidationOnExternalKey() {
        SQLException unique = new SQLIntegrityConstraintViolationException(
                "duplicate key value violates unique constraint \"UQ_EXTERNAL_KEY\" Detail: Key (system_name, external_id)=(SAP, 1)",
                "23505");
        CrmException e = Failures.classify(new PersistenceException("constraint", unique));
        assertEquals(ErrorCode.VALIDATION, e.code());
        assertEquals("externalKey", e.field());
        assertFalse(e.getMessage().contains("SAP"), "no SQL detail reaches the client: " + e.getMessage());
        assertFalse(e.code().retryable());
    }

    @Test
    void otherConstraintViolationsAreValidationWithoutField() {
        CrmException fk = Failures.classify(new SQLException("violates foreign key constraint fk_contact_customer", "23503"));
        assertEquals(ErrorCode.VALIDATION, fk.code());
        assertNull(fk.field());
        assertFalse(fk.getMessage().contains("fk_contact_customer"), fk.getMessage());
        CrmException other = Failures.classify(new SQLException("check constraint ck_something", "23514"));
        assertEquals(ErrorCode.VALIDATION, other.code());
        assertNull(other.field());
    }

    @Test
    void hibernateConstraintViolationIsRecognisedByItsMessage() {
        RuntimeException hibernate = new org.hibernate.exception.ConstraintViolationException(
                "could not execute statement [Unique index or primary key violation: \"PUBLIC.UQ_EXTERNAL_KEY\"]",
                null, "uq_external_key");
        CrmException e = Failures.classify(new PersistenceException(hibernate));
        assertEquals(ErrorCode.VALIDATION, e.code());
        assertEquals("externalKey", e.field());
    }

    @Test
    void optimisticLockIsConcurrency() {
        CrmException e = Failures.classify(new OptimisticLockException("Row was updated or deleted by another transaction"));
        assertEquals(ErrorCode.CONCURRENCY, e.code());
        assertTrue(e.code().retryable());
    }

    @Test
    void wrappedOptimisticLockIsConcurrency() {
        CrmException e = Failures.classify(new RuntimeException("commit failed", new OptimisticLockException()));
        assertEquals(ErrorCode.CONCURRENCY, e.code());
    }

    @Test
    void hibernateStaleStateIsConcurrency() {
        CrmException e = Failures.classify(new org.hibernate.StaleObjectStateException("org.clientele.customer.Customer", 1L));
        assertEquals(ErrorCode.CONCURRENCY, e.code());
    }

    @Test
    void unknownFailureIsInternalWithoutClassNameOrStackTrace() {
        IllegalStateException bug = new IllegalStateException("secret detail at org.clientele.Foo");
        CrmException e = Failures.classify(bug);
        assertEquals(ErrorCode.INTERNAL, e.code());
        assertFalse(e.code().retryable());
        String m = e.getMessage();
        assertFalse(m.contains("IllegalStateException"), m);
        assertFalse(m.contains("java."), m);
        assertFalse(m.contains("org.clientele"), m);
        assertFalse(m.contains("secret detail"), m);
        assertFalse(m.contains("\tat "), m);
        assertTrue(m.matches("Internal error; incident [0-9a-f\\-]{36} is in the server log"), m);
        assertEquals(0, e.getStackTrace().length, "the CrmException carries no stack trace of its own");
        assertNull(e.getCause(), "the original failure is not attached");
    }

    @Test
    void everyInternalFailureGetsItsOwnIncident() {
        String a = Failures.classify(new RuntimeException()).getMessage();
        String b = Failures.classify(new RuntimeException()).getMessage();
        assertFalse(a.equals(b));
    }

    @Test
    void sqlExceptionWithoutStateIsInternal() {
        assertEquals(ErrorCode.INTERNAL, Failures.classify(new SQLException("syntax error near SELECT")).code());
    }

    @Test
    void crmExceptionIsReturnedAsIs() {
        CrmException original = new CrmException(ErrorCode.NOT_FOUND, "Customer 9 does not exist", "id");
        assertSame(original, Failures.classify(original));
    }

    @Test
    void nestedCrmExceptionIsReturnedAsIs() {
        CrmException original = CrmException.validation("name", "name is required");
        RuntimeException wrapped = new RuntimeException("tx rolled back", new IllegalStateException("x", original));
        assertSame(original, Failures.classify(wrapped));
    }

    @ParameterizedTest(name = "SQLSTATE {0} is UNAVAILABLE ({1}), retry after {2} s")
    @CsvSource({
        "08001, UNREACHABLE, 5",
        "08004, UNREACHABLE, 5",
        "08000, CONNECTION_LOST, 5",
        "08003, CONNECTION_LOST, 5",
        "08006, CONNECTION_LOST, 5",
        "08P01, CONNECTION_LOST, 5",
        "57P01, SERVER_SHUTDOWN, 5",
        "57P02, SERVER_SHUTDOWN, 5",
        "57P03, SERVER_SHUTDOWN, 5",
        "53300, TOO_MANY_CONNECTIONS, 5",
        "53200, INSUFFICIENT_RESOURCES, 5",
        "53100, INSUFFICIENT_RESOURCES, 5",
        "57014, STATEMENT_TIMEOUT, 5",
        "55P03, LOCK_TIMEOUT, 1",
        "40001, SERIALIZATION_FAILURE, 1",
        "40P01, DEADLOCK, 1",
    })
    void databaseFaultsAreUnavailableAndRetryable(String state, Failures.DatabaseFault fault, int retryAfter) {
        assertEquals(fault, Failures.bySqlState(state));
        // as Hibernate and the transaction manager deliver them: wrapped, the SQLException further down
        CrmException e = Failures.classify(new PersistenceException("could not execute statement",
                new RuntimeException("wrapper", new SQLException("server said no", state))));
        assertEquals(ErrorCode.UNAVAILABLE, e.code());
        assertTrue(e.code().retryable());
        assertEquals(retryAfter, e.retryAfterSeconds());
        assertFalse(e.getMessage().contains("server said no"), e.getMessage());
        assertFalse(e.getMessage().contains(state), e.getMessage());
    }

    @ParameterizedTest(name = "SQLSTATE {0} is no database fault")
    @CsvSource({"42P01", "42601", "22001", "40002", "XX000", "0A000"})
    void otherSqlStatesAreNoDatabaseFault(String state) {
        assertNull(Failures.bySqlState(state));
        assertEquals(ErrorCode.INTERNAL, Failures.classify(new SQLException("bug", state)).code());
    }

    @Test
    void terminatedBackendAsThePostgresDriverReportsItIsUnavailable() {
        // pg_terminate_backend, a restart or a failover: FATAL 57P01 on the statement, then 08003 on the closed connection
        SQLException fatal = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        RuntimeException hibernate = new org.hibernate.exception.JDBCConnectionException("could not execute batch", fatal);
        CrmException e = Failures.classify(new jakarta.persistence.PersistenceException(hibernate));
        assertEquals(ErrorCode.UNAVAILABLE, e.code());
        assertEquals(Failures.UNAVAILABLE_RETRY_AFTER, e.retryAfterSeconds());
    }

    @ParameterizedTest(name = "SQLSTATE {0}: a lost connection {1}")
    @CsvSource({"57P01, true", "57P02, true", "08003, true", "08006, true", "57P03, false", "08001, false",
            "08004, false", "40001, false", "57014, false", "53300, false", "23505, false"})
    void onlyAnEstablishedConnectionThatDiedIsALostConnection(String state, boolean lost) {
        // what the SOAP edge runs again on a fresh connection: not "could not connect", not a refusal of the statement
        assertEquals(lost, Failures.lostConnection(new jakarta.persistence.PersistenceException("could not execute statement",
                new RuntimeException("wrapper", new SQLException("server said so", state)))));
    }

    @Test
    void poolExhaustedIsUnavailable() {
        // IronJacamar: IJ000453 wrapping IJ000655 when no connection frees up within the blocking timeout
        Exception pool = new jakarta.resource.ResourceException(
                "IJ000655: No managed connections available within configured blocking timeout (5000 [ms])");
        SQLException wrapper = new SQLException(
                "jakarta.resource.ResourceException: IJ000453: Unable to get managed connection for java:jboss/datasources/ClienteleDS", pool);
        CrmException e = Failures.classify(new PersistenceException("Unable to acquire JDBC Connection", wrapper));
        assertEquals(ErrorCode.UNAVAILABLE, e.code());
        assertEquals(Failures.UNAVAILABLE_RETRY_AFTER, e.retryAfterSeconds());
    }

    @Test
    void unreachableDatabaseBehindThePoolIsUnavailable() {
        Exception refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001", new java.net.ConnectException("Connection refused"));
        Exception pool = new jakarta.resource.ResourceException("IJ031084: Unable to create connection", refused);
        CrmException e = Failures.classify(new PersistenceException(new SQLException("IJ000453: Unable to get managed connection", pool)));
        assertEquals(ErrorCode.UNAVAILABLE, e.code());
    }

    @Test
    void faultOnlyInASuppressedExceptionIsFound() {
        // the transaction manager reports a failed commit and attaches the driver's exception as suppressed
        RuntimeException commit = new RuntimeException("ARJUNA016053: Could not commit transaction");
        commit.addSuppressed(new SQLException("An I/O error occurred while sending to the backend", "08006"));
        assertEquals(ErrorCode.UNAVAILABLE, Failures.classify(commit).code());
    }

    @Test
    void timeoutsByTypeAreUnavailable() {
        assertEquals(ErrorCode.UNAVAILABLE, Failures.classify(new java.sql.SQLTimeoutException("timed out")).code());
        assertEquals(ErrorCode.UNAVAILABLE, Failures.classify(new jakarta.persistence.QueryTimeoutException("timed out")).code());
        CrmException lock = Failures.classify(new jakarta.persistence.LockTimeoutException("lock"));
        assertEquals(ErrorCode.UNAVAILABLE, lock.code());
        assertEquals(Failures.CONTENTION_RETRY_AFTER, lock.retryAfterSeconds());
    }

    @Test
    void constraintViolationStillWinsOverConnectionShapes() {
        SQLException unique = new SQLException("duplicate key value violates unique constraint \"uq_external_key\"", "23505");
        assertEquals(ErrorCode.VALIDATION, Failures.classify(new SQLTransientConnectionException("x", unique)).code());
    }
}
