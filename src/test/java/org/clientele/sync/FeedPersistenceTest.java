package org.clientele.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.clientele.platform.Caller;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;
import org.clientele.platform.PageTokens;
import org.clientele.platform.Role;
import org.clientele.platform.ServerSecrets;
import org.clientele.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sequencer and the feed reader on a real migrated database (H2, or PostgreSQL with -Ppostgres):
 * uncommitted changes are not numbered, committed ones are numbered in order, purged changes make older
 * cursors expire with the resync instruction, and readers see only numbered rows.
 */
class FeedPersistenceTest {
    private static final Caller READER = new Caller("feed-reader", Set.of(Role.READONLY), null, null);
    private static final Caller WRITER = new Caller("feed-writer", Set.of(Role.INTEGRATION), "ERP", "c-1");

    private TestDatabase db;
    private EntityManager em;
    private SequencerWork sequencer;
    private SyncService feed;

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabase.create("feed");
        em = db.emf().createEntityManager();
        sequencer = new SequencerWork();
        sequencer.em = em;
        PageTokens tokens = new PageTokens("feed-test-key-feed-test-key-0123".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        feed = new SyncService();
        feed.em = em;
        feed.secrets = new ServerSecrets() {
            @Override
            public PageTokens pageTokens() {
                return tokens;
            }
        };
    }

    @AfterEach
    void tearDown() throws Exception {
        em.close();
        db.close();
    }

    @Test
    void onlyCommittedChangesAreNumberedAndInOrder() {
        inTx(em, x -> {
            append(x, 1, Instant.now());
            append(x, 2, Instant.now());
            return null;
        });
        EntityManager other = db.emf().createEntityManager();
        try {
            other.getTransaction().begin();
            append(other, 3, Instant.now()); // not committed yet
            other.flush();
            assertEquals(2, (int) inTx(em, x -> sequencer.sequencePending(100)));
            SyncService.Feed first = inTx(em, x -> feed.changes(READER, null, EnumSet.noneOf(ChangeRecord.EntityType.class), 10, false));
            assertEquals(List.of(1L, 2L), first.changes().stream().map(ChangeRecord::getEntityId).toList());
            assertEquals(List.of(1L, 2L), first.changes().stream().map(ChangeRecord::getSequence).toList());
            other.getTransaction().commit();
            assertEquals(1, (int) inTx(em, x -> sequencer.sequencePending(100)));
            SyncService.Feed next = inTx(em, x -> feed.changes(READER, first.nextCursor(), Set.of(), 10, false));
            assertEquals(List.of(3L), next.changes().stream().map(ChangeRecord::getEntityId).toList());
            assertEquals(3L, next.changes().get(0).getSequence());
            assertEquals("ERP", next.changes().get(0).getClientSystem());
        } finally {
            if (other.getTransaction().isActive()) {
                other.getTransaction().rollback();
            }
            other.close();
        }
    }

    @Test
    void purgedChangesExpireOlderCursors() {
        Instant old = Instant.now().minus(Duration.ofDays(40));
        inTx(em, x -> {
            append(x, 10, old);
            append(x, 11, old);
            return null;
        });
        inTx(em, x -> sequencer.sequencePending(100));
        String fromStart = inTx(em, x -> feed.changes(READER, null, Set.of(), 1, false)).nextCursor(); // after sequence 1
        inTx(em, x -> {
            append(x, 12, Instant.now());
            return null;
        });
        inTx(em, x -> sequencer.sequencePending(100));
        assertEquals(2, (long) inTx(em, x -> sequencer.purgeBefore(Instant.now().minus(Duration.ofDays(30)))));

        CrmException expired = assertThrows(CrmException.class,
                () -> inTx(em, x -> feed.changes(READER, fromStart, Set.of(), 10, false)));
        assertEquals(ErrorCode.CURSOR_EXPIRED, expired.code());
        assertTrue(expired.getMessage().contains("getLatestCursor") && expired.getMessage().contains("findCustomers"));
        // an empty cursor starts at the oldest retained change
        SyncService.Feed retained = inTx(em, x -> feed.changes(READER, null, Set.of(), 10, false));
        assertEquals(List.of(12L), retained.changes().stream().map(ChangeRecord::getEntityId).toList());
        assertEquals(3L, inTx(em, x -> feed.latestCursor(READER)).getValue());
    }

    private static void append(EntityManager x, long entityId, Instant at) {
        x.persist(new ChangeRecord(ChangeRecord.EntityType.CUSTOMER, entityId, ChangeRecord.Operation.CREATED, 0, null,
                at, WRITER.principal(), WRITER.clientSystem(), WRITER.correlationId()));
    }

    /** Runs work in a transaction with a fresh persistence context, as the container's transaction-scoped one is. */
    private static <T> T inTx(EntityManager x, Function<EntityManager, T> work) {
        x.clear();
        x.getTransaction().begin();
        try {
            T result = work.apply(x);
            x.getTransaction().commit();
            return result;
        } finally {
            if (x.getTransaction().isActive()) {
                x.getTransaction().rollback();
            }
        }
    }

    @Test
    void aPassSkipsWhileAnotherHoldsTheLockAndAFrozenHolderIsEndedWithinSeconds() throws Exception {
        inTx(em, x -> {
            append(x, 1, Instant.now());
            return null;
        });
        EntityManager holderEm = db.emf().createEntityManager();
        SequencerWork holder = new SequencerWork();
        holder.em = holderEm;
        holderEm.getTransaction().begin();
        try {
            // the holder numbers the change but does not commit: like a node frozen (SIGSTOP) inside its pass
            assertEquals(1, holder.sequencePending(100));
            long started = System.nanoTime();
            assertEquals(0, (int) inTx(em, x -> sequencer.sequencePending(100)), "a second pass skips, it does not wait");
            assertTrue(System.nanoTime() - started < java.util.concurrent.TimeUnit.SECONDS.toNanos(2), "skipped at once");
            if ("postgres".equals(System.getProperty("clientele.db"))) {
                // PostgreSQL ends the idle holder's session after HOLDER_IDLE_SECONDS; then another pass numbers the change
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(SequencerWork.HOLDER_IDLE_SECONDS + 7);
                int numbered = 0;
                while (numbered == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(250);
                    numbered = inTx(em, x -> sequencer.sequencePending(100));
                }
                assertEquals(1, numbered, "the frozen holder released the sequencer within seconds");
                assertEquals(1L, (long) inTx(em, x -> sequencer.bounds().lastSequence()));
            }
        } finally {
            try {
                if (holderEm.getTransaction().isActive()) {
                    holderEm.getTransaction().rollback();
                }
            } catch (RuntimeException terminated) {
                // on PostgreSQL the holder's session was ended: its rollback fails on the closed connection
                assertTrue("postgres".equals(System.getProperty("clientele.db")), terminated.toString());
            }
            holderEm.close();
        }
    }
}
