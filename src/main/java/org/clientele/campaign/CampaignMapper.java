package org.clientele.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import org.clientele.platform.CrmException;
import org.clientele.ws.campaign.CampaignChannel;
import org.clientele.ws.campaign.CampaignData;
import org.clientele.ws.campaign.MemberRef;
import org.clientele.ws.campaign.NewResponse;

/** Maps between the campaign wire types (JAXB) and the domain (drafts, entities, figures). */
public final class CampaignMapper {
    private static final DatatypeFactory DATATYPES;

    static {
        try {
            DATATYPES = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private CampaignMapper() {
    }

    // ----- wire -> domain -----

    public static CampaignDraft draft(CampaignData d) {
        if (d == null) {
            throw CrmException.validation("data", "data is required");
        }
        return new CampaignDraft(d.getName(), blankToNull(d.getDescription()),
                d.getChannel() == null ? null : Campaign.Channel.valueOf(d.getChannel().name()),
                status(d.getStatus()), date(d.getStartDate()), date(d.getEndDate()), d.getCurrency(),
                d.getBudget(), d.getActualCost(), d.getExpectedRevenue(), d.getParentId(), blankToNull(d.getOwner()));
    }

    public static CampaignMembers.MemberKey member(MemberRef m) {
        return new CampaignMembers.MemberKey(m.getCampaignId(), m.getCustomerId(), m.getContactId());
    }

    public static CampaignMembers.ResponseDraft response(NewResponse r) {
        return new CampaignMembers.ResponseDraft(
                new CampaignMembers.MemberKey(r.getCampaignId(), r.getCustomerId(), r.getContactId()),
                r.getStage() == null ? null : CampaignResponse.Stage.valueOf(r.getStage().name()),
                r.getRespondedAt() == null ? null : r.getRespondedAt().toInstant(), r.getRevenue());
    }

    public static CampaignStatus status(org.clientele.ws.campaign.CampaignStatus s) {
        return s == null ? null : CampaignStatus.valueOf(s.name());
    }

    public static Campaign.Channel channel(CampaignChannel c) {
        return c == null ? null : Campaign.Channel.valueOf(c.name());
    }

    /** The calendar day of an xs:date (a time zone on it does not change the day). */
    public static LocalDate date(XMLGregorianCalendar c) {
        if (c == null) {
            return null;
        }
        if (c.getYear() == DatatypeConstants.FIELD_UNDEFINED || c.getMonth() == DatatypeConstants.FIELD_UNDEFINED
                || c.getDay() == DatatypeConstants.FIELD_UNDEFINED) {
            throw CrmException.validation("date", "A date needs a year, month and day");
        }
        return LocalDate.of(c.getYear(), c.getMonth(), c.getDay());
    }

    // ----- domain -> wire -----

    public static org.clientele.ws.campaign.Campaign toWire(Campaign c) {
        org.clientele.ws.campaign.Campaign w = new org.clientele.ws.campaign.Campaign();
        w.setId(c.getId());
        w.setVersion(c.getVersion());
        CampaignData d = new CampaignData();
        d.setName(c.getName());
        d.setDescription(c.getDescription());
        d.setChannel(CampaignChannel.valueOf(c.getChannel().name()));
        d.setStatus(org.clientele.ws.campaign.CampaignStatus.valueOf(c.getStatus().name()));
        d.setStartDate(xmlDate(c.getStartDate()));
        d.setEndDate(xmlDate(c.getEndDate()));
        d.setCurrency(c.getCurrency());
        d.setBudget(c.getBudget());
        d.setActualCost(c.getActualCost());
        d.setExpectedRevenue(c.getExpectedRevenue());
        d.setParentId(c.getParentId());
        d.setOwner(c.getOwner());
        w.setData(d);
        w.setCreatedAt(time(c.getCreatedAt()));
        w.setUpdatedAt(time(c.getUpdatedAt()));
        return w;
    }

    public static org.clientele.ws.campaign.CampaignStatistics toWire(CampaignReads.Statistics s) {
        CampaignFigures f = s.figures();
        org.clientele.ws.campaign.CampaignStatistics w = new org.clientele.ws.campaign.CampaignStatistics();
        w.setCampaignId(s.campaign().getId());
        w.setIncludesChildren(s.includesChildren());
        w.setCampaigns(s.campaigns());
        w.setCurrency(s.campaign().getCurrency());
        w.setMembers(f.members());
        w.setSent(f.sent());
        w.setOpened(f.opened());
        w.setClicked(f.clicked());
        w.setResponded(f.responded());
        w.setConverted(f.converted());
        w.setRespondedOrConverted(f.respondedOrConverted());
        w.setResponseRate(f.responseRate());
        w.setConversionRate(f.conversionRate());
        w.setTotalRevenue(f.totalRevenue());
        w.setActualCost(f.actualCost());
        w.setCostPerConversion(f.costPerConversion());
        w.setRoi(f.roi());
        return w;
    }

    static XMLGregorianCalendar xmlDate(LocalDate d) {
        return d == null ? null : DATATYPES.newXMLGregorianCalendarDate(d.getYear(), d.getMonthValue(), d.getDayOfMonth(),
                DatatypeConstants.FIELD_UNDEFINED);
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
