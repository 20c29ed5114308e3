package org.clientele.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.xml.datatype.DatatypeFactory;
import org.clientele.ws.campaign.CampaignChannel;
import org.clientele.ws.campaign.CampaignData;
import org.clientele.ws.campaign.NewResponse;
import org.clientele.ws.campaign.ResponseStage;
import org.junit.jupiter.api.Test;

/** The campaign mapper: wire data to drafts (dates, blanks, enums) and back. */
class CampaignMapperTest {

    @Test
    void wireDataBecomesADraftAndBack() throws Exception {
        CampaignData d = new CampaignData();
        d.setName("Spring");
        d.setDescription(" ");
        d.setChannel(CampaignChannel.SOCIAL);
        // a time zone on an xs:date does not change the calendar day
        d.setStartDate(DatatypeFactory.newInstance().newXMLGregorianCalendar("2026-03-01+14:00"));
        d.setCurrency("USD");
        d.setBudget(new BigDecimal("12.5"));
        d.setParentId(7L);
        CampaignDraft draft = CampaignMapper.draft(d);
        assertEquals(LocalDate.of(2026, 3, 1), draft.startDate());
        assertNull(draft.endDate());
        assertNull(draft.description(), "blank text is no description");
        assertNull(draft.status(), "status left out");
        assertEquals(Campaign.Channel.SOCIAL, draft.channel());
        assertEquals(7L, draft.parentId());

        Campaign c = new Campaign(Instant.parse("2026-11-28T10:00:00Z"), "tester");
        c.setDetails(draft);
        c.setStatus(CampaignStatus.ACTIVE);
        java.lang.reflect.Field id = Campaign.class.getDeclaredField("id");
        id.setAccessible(true);
        id.set(c, 42L); // assigned by the database sequence in real use
        org.clientele.ws.campaign.Campaign wire = CampaignMapper.toWire(c);
        assertEquals(42L, wire.getId());
        assertEquals("2026-03-01", wire.getData().getStartDate().toXMLFormat());
        assertEquals(org.clientele.ws.campaign.CampaignStatus.ACTIVE, wire.getData().getStatus());
        assertEquals(new BigDecimal("12.5"), wire.getData().getBudget());
        assertEquals(OffsetDateTime.parse("2026-11-28T10:00:00Z"), wire.getCreatedAt());
    }

    @Test
    void aResponseNamesItsMember() {
        NewResponse r = new NewResponse();
        r.setCampaignId(1);
        r.setCustomerId(2);
        r.setContactId(3L);
        r.setStage(ResponseStage.CLICKED);
        r.setRespondedAt(OffsetDateTime.of(2026, 3, 2, 10, 0, 0, 0, ZoneOffset.ofHours(2)));
        CampaignMembers.ResponseDraft d = CampaignMapper.response(r);
        assertEquals(new CampaignMembers.MemberKey(1, 2, 3L), d.member());
        assertEquals(CampaignResponse.Stage.CLICKED, d.stage());
        assertEquals(Instant.parse("2026-03-02T08:00:00Z"), d.respondedAt());
        assertNull(d.revenue());
    }
}
