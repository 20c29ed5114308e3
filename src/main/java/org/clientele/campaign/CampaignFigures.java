package org.clientele.campaign;

import java.math.BigDecimal;

/**
 * The statistics of one campaign (or a campaign with its descendants), as the database computed them. Rates and
 * ROI have scale 6, money scale 4; a figure that would divide by zero is null.
 */
public record CampaignFigures(long members, long sent, long opened, long clicked, long responded, long converted,
                              long respondedOrConverted, BigDecimal responseRate, BigDecimal conversionRate,
                              BigDecimal totalRevenue, BigDecimal actualCost, BigDecimal costPerConversion,
                              BigDecimal roi) {
}
