package org.clientele.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.clientele.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The statistics query the service runs ({@link CampaignStatisticsQuery}), on the Flyway-migrated schema (H2 by
 * default, PostgreSQL with -Ppostgres): the formulas and their absent cases on small campaigns with known figures,
 * half-up rounding, and 100,000 members with pseudo-random responses checked against BigDecimal sums kept while the
 * data was generated.
 */
class CampaignStatisticsPersistenceTest {
    private static final Timestamp NOW = Timestamp.from(Instant.parse("2026-11-28T12:00:00Z"));
    private static final String[] STAGES = {"SENT", "OPENED", "CLICKED", "RESPONDED", "CONVERTED"};

    private static TestDatabase db;
    private static final AtomicLong IDS = new AtomicLong(1_000);

    @BeforeAll
    static void migrate() throws Exception {
        db = TestDatabase.create("campaignstats");
    }

    @AfterAll
    static void drop() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    // ----- formulas on small campaigns -----

    @Test
    void knownFiguresOfASmallCampaign() throws Exception {
        long campaign = campaign("30");
        long a = member(campaign), b = member(campaign), c = member(campaign);
        member(campaign); // no response at all
        response(a, campaign, "SENT", null);
        response(a, campaign, "RESPONDED", null);
        response(a, campaign, "CONVERTED", "100.0001");
        response(b, campaign, "SENT", null);
        response(b, campaign, "RESPONDED", null);
        response(c, campaign, "SENT", null);
        response(c, campaign, "OPENED", "0.5");
        CampaignFigures f = figures(campaign);
        assertEquals(4, f.members());
        assertEquals(3, f.sent());
        assertEquals(1, f.opened());
        assertEquals(0, f.clicked());
        assertEquals(2, f.responded());
        assertEquals(1, f.converted());
        assertEquals(2, f.respondedOrConverted(), "a member that responded and converted counts once");
        assertEquals(new BigDecimal("0.666667"), f.responseRate());
        assertEquals(new BigDecimal("0.333333"), f.conversionRate());
        assertEquals(new BigDecimal("100.5001"), f.totalRevenue());
        assertEquals(new BigDecimal("30.0000"), f.actualCost());
        assertEquals(new BigDecimal("30.0000"), f.costPerConversion());
        // (100.5001 - 30) / 30 = 2.35000333...
        assertEquals(new BigDecimal("2.350003"), f.roi());
    }

    @Test
    void zeroSentLeavesTheRatesAbsent() throws Exception {
        long campaign = campaign("10");
        long a = member(campaign);
        response(a, campaign, "CONVERTED", "25");
        CampaignFigures f = figures(campaign);
        assertEquals(0, f.sent());
        assertNull(f.responseRate());
        assertNull(f.conversionRate());
        assertEquals(new BigDecimal("10.0000"), f.costPerConversion());
        assertEquals(new BigDecimal("1.500000"), f.roi());
    }

    @Test
    void zeroCostLeavesRoiAndCostPerConversionAbsent() throws Exception {
        for (String cost : new String[] {null, "0"}) {
            long campaign = campaign(cost);
            long a = member(campaign);
            response(a, campaign, "SENT", null);
            response(a, campaign, "CONVERTED", "40");
            CampaignFigures f = figures(campaign);
            assertEquals(new BigDecimal("0.0000"), f.actualCost());
            assertNull(f.roi(), "cost " + cost);
            assertNull(f.costPerConversion(), "cost " + cost);
            assertEquals(new BigDecimal("1.000000"), f.conversionRate());
            assertEquals(new BigDecimal("40.0000"), f.totalRevenue());
        }
    }

    @Test
    void zeroConversionsLeaveCostPerConversionAbsent() throws Exception {
        long campaign = campaign("12.5");
        long a = member(campaign);
        response(a, campaign, "SENT", null);
        CampaignFigures f = figures(campaign);
        assertEquals(0, f.converted());
        assertNull(f.costPerConversion());
        assertEquals(new BigDecimal("0.000000"), f.conversionRate());
        assertEquals(new BigDecimal("0.0000"), f.totalRevenue());
        assertEquals(new BigDecimal("-1.000000"), f.roi());
    }

    @Test
    void anEmptyCampaignHasZeroCountsAndNoRates() throws Exception {
        long campaign = campaign(null);
        CampaignFigures f = figures(campaign);
        assertEquals(0, f.members());
        assertEquals(0, f.sent());
        assertNull(f.responseRate());
        assertNull(f.roi());
        assertEquals(new BigDecimal("0.0000"), f.totalRevenue());
    }

    @Test
    void roundingIsHalfUpAwayFromZero() throws Exception {
        // 1/128 = 0.0078125 exactly: half-even would give 0.007812
        long up = campaign("128");
        response(member(up), up, "CONVERTED", "129");
        assertEquals(new BigDecimal("0.007813"), figures(up).roi());
        long down = campaign("128");
        response(member(down), down, "CONVERTED", "127");
        assertEquals(new BigDecimal("-0.007813"), figures(down).roi());
        // cost per conversion 0.0005 / 2 = 0.00025 -> 0.0003
        long cpc = campaign("0.0005");
        response(member(cpc), cpc, "CONVERTED", null);
        response(member(cpc), cpc, "CONVERTED", null);
        assertEquals(new BigDecimal("0.0003"), figures(cpc).costPerConversion());
    }

    @Test
    void aStageIsStoredOncePerMember() throws Exception {
        long campaign = campaign(null);
        long a = member(campaign);
        response(a, campaign, "SENT", null);
        assertThrows(SQLException.class, () -> response(a, campaign, "SENT", null));
    }

    @Test
    void severalCampaignsAddUp() throws Exception {
        long parent = campaign("10");
        long child = campaign("20");
        response(member(parent), parent, "CONVERTED", "15");
        response(member(child), child, "CONVERTED", "30");
        try (EntityManager em = db.emf().createEntityManager()) {
            CampaignFigures f = CampaignStatisticsQuery.run(em, List.of(parent, child));
            assertEquals(2, f.members());
            assertEquals(new BigDecimal("30.0000"), f.actualCost());
            assertEquals(new BigDecimal("45.0000"), f.totalRevenue());
            assertEquals(new BigDecimal("0.500000"), f.roi());
        }
    }

    // ----- 100,000 members -----

    @Test
    void figuresOfAHundredThousandMembersMatchAnIndependentComputation() throws Exception {
        int members = 100_000;
        BigDecimal cost = new BigDecimal("123456.7891");
        long campaign = campaign(cost.toPlainString());
        long other = campaign("5");
        Random random = new Random(20261128L);
        long[] stageCounts = new long[STAGES.length];
        long engaged = 0;
        BigDecimal revenue = BigDecimal.ZERO;
        long firstCustomer = IDS.getAndAdd(members + 10);
        long firstMember = IDS.getAndAdd(members + 10);
        long nextResponse = IDS.getAndAdd(members * STAGES.length + 10);
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement cu = c.prepareStatement(CUSTOMER_SQL);
                 PreparedStatement me = c.prepareStatement(MEMBER_SQL);
                 PreparedStatement re = c.prepareStatement(RESPONSE_SQL)) {
                for (int i = 0; i < members; i++) {
                    long customer = firstCustomer + i;
                    long member = firstMember + i;
                    addCustomer(cu, customer);
                    addMember(me, member, campaign, customer);
                    double[] chance = {0.9, 0.45, 0.2, 0.08, 0.03};
                    boolean respondedOrConverted = false;
                    for (int s = 0; s < STAGES.length; s++) {
                        if (random.nextDouble() >= chance[s]) {
                            continue;
                        }
                        BigDecimal amount = null;
                        if (s == 4 || (s == 3 && random.nextInt(10) == 0)) {
                            amount = BigDecimal.valueOf(random.nextInt(250_000_000), 4);
                            revenue = revenue.add(amount);
                        }
                        addResponse(re, nextResponse++, member, campaign, STAGES[s], amount);
                        stageCounts[s]++;
                        respondedOrConverted |= s >= 3;
                    }
                    if (respondedOrConverted) {
                        engaged++;
                    }
                    if (i % 1000 == 999) {
                        cu.executeBatch();
                        me.executeBatch();
                        re.executeBatch();
                    }
                }
                cu.executeBatch();
                me.executeBatch();
                re.executeBatch();
            }
            c.commit();
        }
        // a neighbour campaign whose rows must not be counted
        long stranger = member(other);
        response(stranger, other, "SENT", null);
        response(stranger, other, "CONVERTED", "999");

        long started = System.nanoTime();
        CampaignFigures f = figures(campaign);
        // informative only (DESIGN: no timed assertions): the one aggregate query over 100,000 members
        System.out.printf("statistics of %,d members computed in %d ms%n", members, (System.nanoTime() - started) / 1_000_000);
        long sent = stageCounts[0];
        long converted = stageCounts[4];
        assertTrue(sent > 80_000 && converted > 2_000 && engaged > converted, "the generated data is as intended");
        assertEquals(members, f.members());
        assertEquals(sent, f.sent());
        assertEquals(stageCounts[1], f.opened());
        assertEquals(stageCounts[2], f.clicked());
        assertEquals(stageCounts[3], f.responded());
        assertEquals(converted, f.converted());
        assertEquals(engaged, f.respondedOrConverted());
        assertEquals(rate(engaged, sent), f.responseRate());
        assertEquals(rate(converted, sent), f.conversionRate());
        assertEquals(revenue.setScale(4), f.totalRevenue());
        assertEquals(cost, f.actualCost());
        assertEquals(cost.divide(BigDecimal.valueOf(converted), 4, RoundingMode.HALF_UP), f.costPerConversion());
        assertEquals(revenue.subtract(cost).divide(cost, 6, RoundingMode.HALF_UP), f.roi());
    }

    private static BigDecimal rate(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 6, RoundingMode.HALF_UP);
    }

    // ----- fixtures (plain JDBC) -----

    static final String CUSTOMER_SQL = "INSERT INTO customer (id, version, kind, name, name_lower, status, deleted, created_at,"
            + " created_by, updated_at, updated_by) VALUES (?, 0, 'PERSON', ?, ?, 'ACTIVE', FALSE, ?, 'test', ?, 'test')";
    static final String MEMBER_SQL = "INSERT INTO campaign_member (id, version, campaign_id, customer_id, contact_id, contact_key,"
            + " added_at, added_by) VALUES (?, 0, ?, ?, NULL, 0, ?, 'test')";
    static final String RESPONSE_SQL = "INSERT INTO campaign_response (id, version, member_id, campaign_id, stage, responded_at,"
            + " revenue, recorded_at, recorded_by) VALUES (?, 0, ?, ?, ?, ?, ?, ?, 'test')";

    private static CampaignFigures figures(long campaign) {
        try (EntityManager em = db.emf().createEntityManager()) {
            return CampaignStatisticsQuery.run(em, List.of(campaign));
        }
    }

    private static long campaign(String actualCost) throws SQLException {
        long id = IDS.incrementAndGet();
        try (Connection c = db.connection(); PreparedStatement p = c.prepareStatement("INSERT INTO campaign (id, version, name,"
                + " name_lower, channel, status, start_date, currency, actual_cost, created_at, created_by, updated_at, updated_by)"
                + " VALUES (?, 0, 'Stats', 'stats', 'EMAIL', 'ACTIVE', DATE '2026-11-01', 'EUR', ?, ?, 'test', ?, 'test')")) {
            p.setLong(1, id);
            p.setBigDecimal(2, actualCost == null ? null : new BigDecimal(actualCost));
            p.setTimestamp(3, NOW);
            p.setTimestamp(4, NOW);
            p.executeUpdate();
        }
        return id;
    }

    private static long member(long campaign) throws SQLException {
        long customer = IDS.incrementAndGet();
        long member = IDS.incrementAndGet();
        try (Connection c = db.connection(); PreparedStatement cu = c.prepareStatement(CUSTOMER_SQL);
             PreparedStatement me = c.prepareStatement(MEMBER_SQL)) {
            addCustomer(cu, customer);
            cu.executeBatch();
            addMember(me, member, campaign, customer);
            me.executeBatch();
        }
        return member;
    }

    private static void response(long member, long campaign, String stage, String revenue) throws SQLException {
        try (Connection c = db.connection(); PreparedStatement re = c.prepareStatement(RESPONSE_SQL)) {
            addResponse(re, IDS.incrementAndGet(), member, campaign, stage, revenue == null ? null : new BigDecimal(revenue));
            re.executeBatch();
        }
    }

    private static void addCustomer(PreparedStatement p, long id) throws SQLException {
        p.setLong(1, id);
        p.setString(2, "Member " + id);
        p.setString(3, "member " + id);
        p.setTimestamp(4, NOW);
        p.setTimestamp(5, NOW);
        p.addBatch();
    }

    private static void addMember(PreparedStatement p, long id, long campaign, long customer) throws SQLException {
        p.setLong(1, id);
        p.setLong(2, campaign);
        p.setLong(3, customer);
        p.setTimestamp(4, NOW);
        p.addBatch();
    }

    private static void addResponse(PreparedStatement p, long id, long member, long campaign, String stage, BigDecimal revenue)
            throws SQLException {
        p.setLong(1, id);
        p.setLong(2, member);
        p.setLong(3, campaign);
        p.setString(4, stage);
        p.setTimestamp(5, NOW);
        p.setBigDecimal(6, revenue);
        p.setTimestamp(7, NOW);
        p.addBatch();
    }
}
