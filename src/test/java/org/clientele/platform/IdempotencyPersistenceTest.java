package org.clientele.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.clientele.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Idempotency records on a real migrated database (H2, or PostgreSQL with -Ppostgres): an outcome recorded by
 * one server instance is replayed by another started afterwards (a restart or another node), a different request
 * with the same key conflicts, and a claim whose attempt died is taken over.
 */
class IdempotencyPersistenceTest {
    private static final Caller CALLER = new Caller("erp", Set.of(Role.INTEGRATION), "SAP", "c1", "key-1");

    private TestDatabase db;
    private EntityManager em;

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabase.create("idem");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (em != null) {
            em.close();
        }
        db.close();
    }

    /** A fresh instance as a newly started node has it: its own entity manager and no memory of earlier calls. */
    private Idempotency node() {
        if (em != null) {
            em.close();
        }
        em = db.emf().createEntityManager();
        EntityManager own = em;
        Idempotency node = new Idempotency();
        node.em = own;
        node.context = new IdempotencyContext();
        node.transactions = new Transactions() {
            @Override
            public <T> T inNewTransaction(Supplier<T> work) {
                own.getTransaction().begin();
                try {
                    T result = work.get();
                    own.getTransaction().commit();
                    return result;
                } finally {
                    if (own.getTransaction().isActive()) {
                        own.getTransaction().rollback();
                    }
                }
            }
        };
        return node;
    }

    @Test
    void anOutcomeRecordedBeforeARestartIsReplayedAfterIt() {
        Idempotency first = node();
        Idempotency.Claim claim = first.claim(CALLER, "createCustomers", "hash-1");
        assertFalse(claim.replay());
        List<ItemOutcome> outcomes = List.of(ItemOutcome.applied(41, 0), ItemOutcome.applied(42, 0));
        first.transactions.inNewTransaction(() -> {
            first.recordInCurrentTransaction(outcomes); // in the write's own transaction
            return null;
        });

        Idempotency restarted = node();
        Idempotency.Claim retry = restarted.claim(CALLER, "createCustomers", "hash-1");
        assertTrue(retry.replay());
        assertEquals(outcomes, Idempotency.decode(retry.outcome()));

        CrmException conflict = assertThrows(CrmException.class, () -> restarted.claim(CALLER, "createCustomers", "hash-2"));
        assertEquals(ErrorCode.IDEMPOTENCY_CONFLICT, conflict.code());
    }

    @Test
    void aClaimWhoseAttemptDiedIsTakenOver() throws Exception {
        Idempotency first = node();
        assertFalse(first.claim(CALLER, "createCustomers", "hash-1").replay());
        // the attempt dies before its transaction commits: the record stays IN_PROGRESS; let its lease run out
        try (Connection c = db.connection();
             PreparedStatement age = c.prepareStatement("UPDATE idempotency_record SET claimed_at = ?")) {
            age.setTimestamp(1, Timestamp.from(Instant.now().minus(Idempotency.LEASE).minusSeconds(1)));
            age.executeUpdate();
        }
        Idempotency.Claim retry = node().claim(CALLER, "createCustomers", "hash-1");
        assertFalse(retry.replay(), "the retry must execute the write, which never committed");
    }
}
