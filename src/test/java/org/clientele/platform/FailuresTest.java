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
}
