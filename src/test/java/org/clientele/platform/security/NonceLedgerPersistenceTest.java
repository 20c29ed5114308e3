package org.clientele.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.apache.cxf.message.ExchangeImpl;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageImpl;
import org.clientele.platform.Database;
import org.clientele.support.TestDatabase;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The nonce ledger on the migrated schema (H2, or PostgreSQL with -Ppostgres): a nonce is stored once and its replay
 * refused, by a write and by a read (whose statement on PostgreSQL also relaxes the commit), and the purge deletes a
 * bounded number of the oldest expired nonces, never a live one.
 */
class NonceLedgerPersistenceTest {
    private TestDatabase db;
    private EntityManager em;
    private NonceLedger ledger;

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabase.create("nonces");
        em = db.begin();
        ledger = new NonceLedger();
        ledger.em = em;
        boolean postgres = "postgres".equals(System.getProperty("clientele.db"));
        ledger.database = new Database() {
            @Override
            public boolean postgres() {
                return postgres;
            }
        };
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close(em);
    }

    private static Message request(String nonce) {
        Message message = new MessageImpl();
        message.setExchange(new ExchangeImpl());
        message.getExchange().put(DatabaseReplayCache.NONCE, nonce);
        return message;
    }

    private long stored() {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM ws_nonce").getSingleResult()).longValue();
    }

    @Test
    void aWriteStoresItsNonceOnceAndARepeatIsAReplay() {
        ledger.record(request("write-nonce"));
        assertEquals(1, stored());
        assertThrows(NonceLedger.Replayed.class, () -> ledger.record(request("write-nonce")));
    }

    @Test
    void aReadStoresItsNonceInOneStatementAndARepeatIsAReplay() {
        ledger.recordForRead(request("read-nonce"));
        assertEquals(1, stored());
        assertThrows(NonceLedger.Replayed.class, () -> ledger.recordForRead(request("read-nonce")));
        if (ledger.database.postgres()) {
            // the same statement let this transaction commit without waiting for the disk flush
            assertEquals("off", em.createNativeQuery("SHOW synchronous_commit").getSingleResult());
        }
    }

    @Test
    void aRequestWithoutANonceStoresNothing() {
        Message message = new MessageImpl();
        message.setExchange(new ExchangeImpl());
        ledger.recordForRead(message);
        ledger.record(message);
        assertEquals(0, stored());
    }

    @Test
    void thePurgeDeletesABoundedBatchOfTheOldestExpiredNoncesOnly() {
        Instant now = Instant.parse("2026-12-02T12:00:00Z");
        int expired = NonceLedger.PURGE_BATCH * 2 + 500;
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO ws_nonce (nonce_hash, expires_at) VALUES (?, ?)")) {
                for (int i = 0; i < expired + 10; i++) {
                    insert.setString(1, "n" + i);
                    // the first `expired` rows expired one second apart, oldest first; the last 10 are still live
                    Instant expires = i < expired ? now.minus(Duration.ofSeconds(expired - i)) : now.plusSeconds(60);
                    insert.setTimestamp(2, Timestamp.from(expires));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        assertEquals(NonceLedger.PURGE_BATCH, ledger.purgeExpired(now));
        assertEquals(0L, ((Number) em.createNativeQuery("SELECT COUNT(*) FROM ws_nonce WHERE nonce_hash = 'n0'")
                .getSingleResult()).longValue(), "the oldest go first");
        assertEquals(NonceLedger.PURGE_BATCH, ledger.purgeExpired(now));
        assertEquals(500, ledger.purgeExpired(now));
        assertEquals(0, ledger.purgeExpired(now));
        assertEquals(10, stored(), "live nonces stay");
    }
}
