package org.clientele.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.clientele.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Idempotency records on a real migrated database (H2, or PostgreSQL with -Ppostgres), claimed and completed inside
 * the request's transaction as the SOAP edge does: an outcome committed by one server instance is replayed by
 * another started afterwards (a restart or another node), a different request with the same key conflicts, a claim
 * whose transaction died is free at once, and a concurrent duplicate waits for the first and replays its outcome.
 */
class IdempotencyPersistenceTest {
    private static final Caller CALLER = new Caller("erp", Set.of(Role.INTEGRATION), "SAP", "c1", "key-1");

    private TestDatabase db;
    private final List<EntityManager> managers = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabase.create("idem");
    }

    @AfterEach
    void tearDown() throws Exception {
        managers.forEach(EntityManager::close);
        db.close();
    }

    /** A fresh instance as a newly started node has it: its own entity manager and no memory of earlier calls. */
    private Idempotency node() {
        EntityManager em = db.emf().createEntityManager();
        managers.add(em);
        Idempotency node = new Idempotency();
        node.em = em;
        node.database = new Database();
        node.database.em = em;
        return node;
    }

    /** Runs work in one transaction of the node, committed when it returns and rolled back when it throws. */
    private static <T> T inTransaction(Idempotency node, Function<Idempotency, T> work) {
        node.em.getTransaction().begin();
        try {
            T result = work.apply(node);
            node.em.getTransaction().commit();
            return result;
        } finally {
            if (node.em.getTransaction().isActive()) {
                node.em.getTransaction().rollback();
            }
        }
    }

    /** A claim as the edge makes it: a raced insert is retried in a new transaction. */
    private static Idempotency.Claim claimLikeTheEdge(Idempotency node, String hash) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                return inTransaction(node, n -> n.claim(CALLER, "createCustomers", hash));
            } catch (Idempotency.Raced raced) {
                if (attempt > 200) {
                    throw raced;
                }
                Thread.sleep(50);
            }
        }
    }

    @Test
    void anOutcomeCommittedBeforeARestartIsReplayedAfterIt() {
        List<ItemOutcome> outcomes = List.of(ItemOutcome.applied(41, 0), ItemOutcome.applied(42, 0));
        inTransaction(node(), n -> {
            Idempotency.Claim claim = n.claim(CALLER, "createCustomers", "hash-1");
            assertFalse(claim.replay());
            n.complete(claim, outcomes); // in the write's own transaction
            return null;
        });

        Idempotency restarted = node();
        Idempotency.Claim retry = inTransaction(restarted, n -> n.claim(CALLER, "createCustomers", "hash-1"));
        assertTrue(retry.replay());
        assertEquals(outcomes, Idempotency.decode(retry.outcome()));

        CrmException conflict = assertThrows(CrmException.class,
                () -> inTransaction(restarted, n -> n.claim(CALLER, "createCustomers", "hash-2")));
        assertEquals(ErrorCode.IDEMPOTENCY_CONFLICT, conflict.code());
    }

    @Test
    void aClaimWhoseTransactionDiedIsFreeAtOnce() {
        Idempotency first = node();
        assertThrows(IllegalStateException.class, () -> inTransaction(first, n -> {
            assertFalse(n.claim(CALLER, "createCustomers", "hash-1").replay());
            throw new IllegalStateException("the attempt dies before its transaction commits");
        }));
        Idempotency.Claim retry = inTransaction(node(), n -> n.claim(CALLER, "createCustomers", "hash-1"));
        assertFalse(retry.replay(), "the retry must execute the write, which never committed");
    }

    @Test
    void aConcurrentDuplicateWaitsForTheFirstAndReplaysItsOutcome() throws Exception {
        List<ItemOutcome> outcomes = List.of(ItemOutcome.applied(7, 3));
        Idempotency first = node();
        Idempotency second = node();
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            first.em.getTransaction().begin();
            Idempotency.Claim claim = first.claim(CALLER, "createCustomers", "hash-1");
            assertFalse(claim.replay());
            claimed.countDown();
            Future<Idempotency.Claim> duplicate = pool.submit(() -> {
                claimed.await();
                secondStarted.countDown();
                return claimLikeTheEdge(second, "hash-1");
            });
            secondStarted.await();
            Thread.sleep(300); // the duplicate is now waiting on the first call's uncommitted claim
            assertFalse(duplicate.isDone(), "the duplicate must wait while the first call runs");
            first.complete(claim, outcomes);
            first.em.getTransaction().commit();
            Idempotency.Claim replayed = duplicate.get(30, TimeUnit.SECONDS);
            assertTrue(replayed.replay(), "the duplicate replays instead of executing a second time");
            assertEquals(outcomes, Idempotency.decode(replayed.outcome()));
        } finally {
            if (first.em.getTransaction().isActive()) {
                first.em.getTransaction().rollback();
            }
            pool.shutdownNow();
        }
    }
}
