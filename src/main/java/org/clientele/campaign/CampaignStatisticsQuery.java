package org.clientele.campaign;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Set;

/**
 * Computes campaign statistics in the database with one aggregate query and exact decimal arithmetic.
 *
 * <p>Every division casts both operands to DECIMAL(38,10): H2 then divides to 76 digits and PostgreSQL to at least
 * 16 significant digits, and ROUND(..., 6) (rates, ROI) or ROUND(..., 4) (money) rounds half away from zero on both,
 * which equals Java's {@code RoundingMode.HALF_UP}. The result is cast to a fixed scale so both databases return
 * the same representation. Members are counted from campaign_member, stages from campaign_response (unique per
 * member and stage, so a count of rows is a count of members), through the indexes on campaign_id.
 */
public final class CampaignStatisticsQuery {
    /** Decimals of rates and ROI. */
    public static final int RATE_SCALE = 6;
    /** Decimals of money. */
    public static final int MONEY_SCALE = 4;

    static final String SQL = """
            SELECT a.members, r.sent, r.opened, r.clicked, r.responded, r.converted, r.engaged,
                   CAST(r.revenue AS DECIMAL(38,4)) AS revenue,
                   CAST(k.cost AS DECIMAL(38,4)) AS cost,
                   CASE WHEN r.sent = 0 THEN NULL ELSE CAST(ROUND(CAST(r.engaged AS DECIMAL(38,10))
                        / CAST(r.sent AS DECIMAL(38,10)), 6) AS DECIMAL(38,6)) END AS response_rate,
                   CASE WHEN r.sent = 0 THEN NULL ELSE CAST(ROUND(CAST(r.converted AS DECIMAL(38,10))
                        / CAST(r.sent AS DECIMAL(38,10)), 6) AS DECIMAL(38,6)) END AS conversion_rate,
                   CASE WHEN k.cost = 0 OR r.converted = 0 THEN NULL ELSE CAST(ROUND(CAST(k.cost AS DECIMAL(38,10))
                        / CAST(r.converted AS DECIMAL(38,10)), 4) AS DECIMAL(38,4)) END AS cost_per_conversion,
                   CASE WHEN k.cost = 0 THEN NULL ELSE CAST(ROUND(CAST(r.revenue - k.cost AS DECIMAL(38,10))
                        / CAST(k.cost AS DECIMAL(38,10)), 6) AS DECIMAL(38,6)) END AS roi
            FROM (SELECT COUNT(*) AS members FROM campaign_member WHERE campaign_id IN (:ids)) a
            CROSS JOIN (SELECT COUNT(CASE WHEN stage = 'SENT' THEN 1 END) AS sent,
                               COUNT(CASE WHEN stage = 'OPENED' THEN 1 END) AS opened,
                               COUNT(CASE WHEN stage = 'CLICKED' THEN 1 END) AS clicked,
                               COUNT(CASE WHEN stage = 'RESPONDED' THEN 1 END) AS responded,
                               COUNT(CASE WHEN stage = 'CONVERTED' THEN 1 END) AS converted,
                               COUNT(DISTINCT CASE WHEN stage IN ('RESPONDED', 'CONVERTED') THEN member_id END) AS engaged,
                               COALESCE(SUM(revenue), 0) AS revenue
                        FROM campaign_response WHERE campaign_id IN (:ids)) r
            CROSS JOIN (SELECT COALESCE(SUM(actual_cost), 0) AS cost FROM campaign WHERE id IN (:ids)) k
            """;

    private CampaignStatisticsQuery() {
    }

    /** The figures of the given campaigns together, read in the entity manager's current transaction. */
    public static CampaignFigures run(EntityManager em, Collection<Long> campaignIds) {
        Object[] row = (Object[]) em.createNativeQuery(SQL).setParameter("ids", Set.copyOf(campaignIds)).getSingleResult();
        return new CampaignFigures(count(row[0]), count(row[1]), count(row[2]), count(row[3]), count(row[4]),
                count(row[5]), count(row[6]), decimal(row[9], RATE_SCALE), decimal(row[10], RATE_SCALE),
                decimal(row[7], MONEY_SCALE), decimal(row[8], MONEY_SCALE), decimal(row[11], MONEY_SCALE),
                decimal(row[12], RATE_SCALE));
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    /** The database already rounded; setScale only normalises the representation (it never rounds here). */
    private static BigDecimal decimal(Object value, int scale) {
        if (value == null) {
            return null;
        }
        BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        return d.setScale(scale, RoundingMode.UNNECESSARY);
    }
}
