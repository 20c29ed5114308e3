package org.clientele.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.clientele.platform.Transactions;
import org.junit.jupiter.api.Test;

/** The background nonce purge: batches until one comes back short, at most a bounded number a pass, never throws. */
class NoncePurgeTest {
    private final Deque<Object> answers = new ArrayDeque<>();
    private int calls;

    private NoncePurge purge() {
        NoncePurge purge = new NoncePurge();
        purge.transactions = new Transactions();
        purge.nonces = new NonceLedger() {
            @Override
            public int purgeExpired(Instant now) {
                calls++;
                Object next = answers.isEmpty() ? NonceLedger.PURGE_BATCH : answers.pop();
                if (next instanceof RuntimeException e) {
                    throw e;
                }
                return (Integer) next;
            }
        };
        return purge;
    }

    @Test
    void aBacklogIsWorkedOffInBatchesUntilOneComesBackShort() {
        answers.addAll(List.of(NonceLedger.PURGE_BATCH, NonceLedger.PURGE_BATCH, 7));
        purge().purge();
        assertEquals(3, calls);
    }

    @Test
    void aPassStopsAfterItsLastBatch() {
        purge().purge(); // every batch full
        assertEquals(NoncePurge.MAX_BATCHES, calls);
    }

    @Test
    void aFailingDatabaseIsLoggedAndTriedAgainNextPass() {
        answers.add(new IllegalStateException("database down"));
        NoncePurge purge = purge();
        purge.purge();
        assertEquals(1, calls);
        answers.add(0);
        purge.purge();
        assertEquals(2, calls);
    }
}
