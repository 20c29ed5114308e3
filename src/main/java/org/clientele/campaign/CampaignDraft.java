package org.clientele.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The writable data of a campaign as a caller sent it; status is null when the caller left it out. */
public record CampaignDraft(String name, String description, Campaign.Channel channel, CampaignStatus status,
                            LocalDate startDate, LocalDate endDate, String currency, BigDecimal budget,
                            BigDecimal actualCost, BigDecimal expectedRevenue, Long parentId, String owner) {
}
