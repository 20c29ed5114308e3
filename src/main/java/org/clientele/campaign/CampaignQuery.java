package org.clientele.campaign;

import java.time.LocalDate;

/** The filters of findCampaigns; {@link #canonical()} binds page tokens to them. */
public record CampaignQuery(String nameContains, CampaignStatus status, Campaign.Channel channel,
                            LocalDate activeFrom, LocalDate activeTo) {

    public String canonical() {
        return "name=" + (nameContains == null ? "" : nameContains.toLowerCase(java.util.Locale.ROOT))
                + "\nstatus=" + (status == null ? "" : status) + "\nchannel=" + (channel == null ? "" : channel)
                + "\nfrom=" + (activeFrom == null ? "" : activeFrom) + "\nto=" + (activeTo == null ? "" : activeTo);
    }
}
