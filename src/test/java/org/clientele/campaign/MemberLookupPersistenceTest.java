package org.clientele.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.clientele.support.TestDatabase;
import org.hibernate.Session;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The batch lookup of memberships and responses ({@link MemberLookup}) on the migrated schema: two queries for a whole
 * batch however many items ask, no automatic flush of the batch's pending rows, and what the batch itself adds or
 * removes seen by its later items as one query per item saw it.
 */
class MemberLookupPersistenceTest {
    private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

    private TestDatabase db;
    private EntityManager em;
    private CampaignRepository repository;
    private long campaign;

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabase.create("memberlookup");
        em = db.begin();
        repository = new CampaignRepository();
        repository.em = em;
        campaign = 1;
        em.createNativeQuery("INSERT INTO campaign (id, version, name, name_lower, channel, status, start_date, currency,"
                + " created_at, created_by, updated_at, updated_by) VALUES (1, 0, 'Spring', 'spring', 'EMAIL', 'ACTIVE',"
                + " DATE '2026-11-01', 'EUR', CURRENT_TIMESTAMP, 'test', CURRENT_TIMESTAMP, 'test')").executeUpdate();
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close(em);
    }

    private long customer() {
        return TestDatabase.persistCustomer(em, T0);
    }

    private CampaignMember member(long customer) {
        CampaignMember m = new CampaignMember(campaign, customer, null, T0, "test");
        em.persist(m);
        return m;
    }

    private Statistics statistics() {
        Statistics s = em.unwrap(Session.class).getSessionFactory().getStatistics();
        s.setStatisticsEnabled(true);
        s.clear();
        return s;
    }

    @Test
    void aWholeBatchAsksTheDatabaseTwiceAndNeverFlushes() {
        List<CampaignMembers.MemberKey> batch = new ArrayList<>();
        List<CampaignMember> stored = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long customer = customer();
            if (i % 2 == 0) {
                stored.add(member(customer));
            }
            batch.add(new CampaignMembers.MemberKey(campaign, customer, null));
        }
        CampaignResponse sent = new CampaignResponse(stored.get(0).getId(), campaign, CampaignResponse.Stage.SENT, T0, null,
                T0, "test");
        em.persist(sent);
        em.flush();
        CampaignMember pending = member(customer());
        Statistics statistics = statistics();

        MemberLookup lookup = new MemberLookup(repository, batch);
        for (int i = 0; i < batch.size(); i++) {
            CampaignMember m = lookup.member(batch.get(i));
            if (i % 2 == 0) {
                assertSame(stored.get(i / 2), m);
                assertNull(lookup.response(m, CampaignResponse.Stage.OPENED));
            } else {
                assertNull(m);
            }
        }
        assertSame(sent, lookup.response(stored.get(0), CampaignResponse.Stage.SENT));
        assertEquals(2, statistics.getQueryExecutionCount(), "one query for the memberships, one for their responses");
        assertEquals(0, statistics.getFlushCount(), "lookups must not flush the batch's pending rows");
        assertTrue(em.contains(pending));
    }

    @Test
    void laterItemsSeeWhatEarlierItemsOfTheBatchAddedAndRemoved() {
        long customer = customer();
        CampaignMember existing = member(customer());
        em.flush();
        CampaignMembers.MemberKey newKey = new CampaignMembers.MemberKey(campaign, customer, null);
        CampaignMembers.MemberKey existingKey = new CampaignMembers.MemberKey(campaign, existing.getCustomerId(), null);
        MemberLookup lookup = new MemberLookup(repository, List.of(newKey, existingKey));

        assertNull(lookup.member(newKey));
        CampaignMember added = member(customer);
        lookup.added(added);
        assertSame(added, lookup.member(newKey), "a second item for the same member finds the first item's membership");

        assertNull(lookup.response(existing, CampaignResponse.Stage.CLICKED));
        CampaignResponse clicked = new CampaignResponse(existing.getId(), campaign, CampaignResponse.Stage.CLICKED, T0,
                null, T0, "test");
        em.persist(clicked);
        lookup.added(clicked);
        assertSame(clicked, lookup.response(existing, CampaignResponse.Stage.CLICKED));
        assertEquals(List.of(clicked), lookup.responses(existing));

        lookup.removed(existing);
        assertNull(lookup.member(existingKey), "a member removed by an earlier item is gone for the later ones");
        assertEquals(List.of(), lookup.responses(existing));
    }
}
