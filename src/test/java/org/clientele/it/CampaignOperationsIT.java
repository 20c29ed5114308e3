package org.clientele.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.xml.ws.BindingProvider;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.cxf.headers.Header;
import org.clientele.ws.campaign.AddCampaignMembers;
import org.clientele.ws.campaign.Campaign;
import org.clientele.ws.campaign.CampaignChange;
import org.clientele.ws.campaign.CampaignChannel;
import org.clientele.ws.campaign.CampaignData;
import org.clientele.ws.campaign.CampaignLookup;
import org.clientele.ws.campaign.CampaignPortType;
import org.clientele.ws.campaign.CampaignStatistics;
import org.clientele.ws.campaign.CampaignStatus;
import org.clientele.ws.campaign.CreateCampaigns;
import org.clientele.ws.common.CrmFault;
import org.clientele.ws.campaign.FindCampaigns;
import org.clientele.ws.campaign.FindCampaignsResponse;
import org.clientele.ws.campaign.GetCampaignStatistics;
import org.clientele.ws.campaign.GetCampaigns;
import org.clientele.ws.campaign.MemberRef;
import org.clientele.ws.campaign.NewCampaign;
import org.clientele.ws.campaign.NewResponse;
import org.clientele.ws.campaign.RecordCampaignResponses;
import org.clientele.ws.campaign.RemoveCampaignMembers;
import org.clientele.ws.campaign.ResponseStage;
import org.clientele.ws.campaign.UpdateCampaigns;
import org.clientele.ws.common.ErrorCode;
import org.clientele.ws.common.ItemResult;
import org.clientele.ws.customer.Contact;
import org.clientele.ws.customer.CustomerChange;
import org.clientele.ws.customer.CreateCustomers;
import org.clientele.ws.customer.CustomerData;
import org.clientele.ws.customer.CustomerKind;
import org.clientele.ws.customer.CustomerPortType;
import org.clientele.ws.customer.CustomerRef;
import org.clientele.ws.customer.DeleteCustomers;
import org.clientele.ws.customer.GetCustomers;
import org.clientele.ws.customer.MergeCustomers;
import org.clientele.ws.customer.NewCustomer;
import org.clientele.ws.customer.UpdateCustomers;
import org.clientele.ws.sync.Change;
import org.clientele.ws.sync.EntityType;
import org.clientele.ws.sync.GetLatestCursor;
import org.clientele.ws.sync.Operation;
import org.clientele.ws.sync.SyncPortType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Every CampaignService operation end to end over SOAP: its happy path, each fault and item error, roles, merge and feed. */
class CampaignOperationsIT {
    /** An id no record has: ids come from sequences and stay far below this in any test database. */
    private static final long UNKNOWN_ID = 8_000_000_000_000_000L;

    private static final CampaignPortType MARKETING = campaigns(Clientele.MARKETING);
    private static final CampaignPortType ADMIN = campaigns(Clientele.ADMIN);
    private static final CampaignPortType INTEGRATION = campaigns(Clientele.INTEGRATION);
    private static final CampaignPortType READONLY = campaigns(Clientele.READONLY);
    private static final CampaignPortType AGENT = campaigns(Clientele.AGENT);
    private static final CustomerPortType CUSTOMERS = Clientele.customers(Clientele.INTEGRATION);

    static CampaignPortType campaigns(String user) {
        return Clientele.secured(CampaignPortType.class, "/clientele/CampaignService", user, Clientele.PASSWORD, false);
    }

    // ----- createCampaigns / getCampaigns -----

    @Test
    void createStoresEveryFieldAndGetReturnsIt() throws Exception {
        String u = uid();
        long parent = create(MARKETING, data("Programme " + u));
        CampaignData d = data("Spring mailing " + u);
        d.setDescription("Spring offers " + u);
        d.setChannel(CampaignChannel.DIRECT_MAIL);
        d.setStatus(CampaignStatus.ACTIVE);
        d.setEndDate(date("2026-04-30"));
        d.setCurrency("CHF");
        d.setBudget(new BigDecimal("5000.5"));
        d.setActualCost(new BigDecimal("1234.5678"));
        d.setExpectedRevenue(new BigDecimal("20000"));
        d.setParentId(parent);
        d.setOwner("owner-" + u);
        long id = create(MARKETING, d);
        GetCampaigns get = new GetCampaigns();
        get.getId().add(id);
        get.getId().add(UNKNOWN_ID);
        List<CampaignLookup> lookups = READONLY.getCampaigns(get).getLookup();
        assertEquals(2, lookups.size());
        Campaign c = lookups.get(0).getCampaign();
        assertEquals(id, c.getId());
        assertEquals(0, c.getVersion());
        assertEquals("Spring mailing " + u, c.getData().getName());
        assertEquals("Spring offers " + u, c.getData().getDescription());
        assertEquals(CampaignChannel.DIRECT_MAIL, c.getData().getChannel());
        assertEquals(CampaignStatus.ACTIVE, c.getData().getStatus());
        assertEquals("2026-03-01", c.getData().getStartDate().toXMLFormat());
        assertEquals("2026-04-30", c.getData().getEndDate().toXMLFormat());
        assertEquals("CHF", c.getData().getCurrency());
        assertEquals(0, new BigDecimal("5000.5").compareTo(c.getData().getBudget()));
        assertEquals(new BigDecimal("1234.5678"), c.getData().getActualCost());
        assertEquals(parent, c.getData().getParentId());
        assertEquals("owner-" + u, c.getData().getOwner());
        assertNotNull(c.getCreatedAt());
        assertEquals(UNKNOWN_ID, lookups.get(1).getId());
        assertNull(lookups.get(1).getCampaign());
        assertEquals(ErrorCode.NOT_FOUND, lookups.get(1).getError().getCode());
        Campaign planned = get(Clientele.INTEGRATION, parent);
        assertEquals(CampaignStatus.PLANNED, planned.getData().getStatus(), "a new campaign without status is PLANNED");
    }

    @Test
    void createReportsEachBadItem() throws Exception {
        String u = uid();
        CreateCampaigns req = new CreateCampaigns();
        CampaignData badDates = data("Dates " + u);
        badDates.setEndDate(date("2026-02-01"));
        CampaignData noParent = data("Orphan " + u);
        noParent.setParentId(UNKNOWN_ID);
        CampaignData completed = data("Completed " + u);
        completed.setStatus(CampaignStatus.COMPLETED);
        CampaignData badCurrency = data("Currency " + u);
        badCurrency.setCurrency("XYZ"); // fits the pattern, but no ISO 4217 currency
        req.getCampaign().add(item("dates", badDates));
        req.getCampaign().add(item("parent", noParent));
        req.getCampaign().add(item("status", completed));
        req.getCampaign().add(item("currency", badCurrency));
        req.getCampaign().add(item("good", data("Good " + u)));
        List<ItemResult> r = MARKETING.createCampaigns(req).getResult();
        assertEquals(5, r.size());
        assertItemError(r.get(0), "dates", ErrorCode.VALIDATION, "endDate");
        assertItemError(r.get(1), "parent", ErrorCode.NOT_FOUND, "parentId");
        assertItemError(r.get(2), "status", ErrorCode.INVALID_STATE, "status");
        assertItemError(r.get(3), "currency", ErrorCode.VALIDATION, "currency");
        assertTrue(r.get(4).isSuccess());
        assertEquals("good", r.get(4).getClientRef());
        assertEquals(1, find(u).size());
    }

    @Test
    void schemaViolationsAreValidationFaults() {
        CampaignData d = data("Schema " + uid());
        d.setCurrency("eur");
        assertFault(ErrorCode.VALIDATION, () -> MARKETING.createCampaigns(create(d)));
        CampaignData negative = data("Negative " + uid());
        negative.setBudget(new BigDecimal("-1"));
        assertFault(ErrorCode.VALIDATION, () -> MARKETING.createCampaigns(create(negative)));
    }

    @Test
    void twoHundredAndOneItemsAreRefusedAndNothingIsWritten() throws Exception {
        String u = uid();
        CreateCampaigns req = new CreateCampaigns();
        for (int i = 0; i < 201; i++) {
            req.getCampaign().add(item("r" + i, data("Bulk " + u)));
        }
        assertFault(ErrorCode.LIMIT_EXCEEDED, () -> MARKETING.createCampaigns(req));
        assertEquals(0, find(u).size());
        GetCampaigns get = new GetCampaigns();
        for (int i = 0; i < 201; i++) {
            get.getId().add(UNKNOWN_ID);
        }
        assertFault(ErrorCode.LIMIT_EXCEEDED, () -> READONLY.getCampaigns(get));
    }

    @Test
    void allOrNoneRollsBackEveryItem() throws Exception {
        String u = uid();
        CampaignData bad = data("Bad " + u);
        bad.setEndDate(date("2020-01-01"));
        CreateCampaigns req = create(data("Good " + u), bad);
        req.setAllOrNone(true);
        List<ItemResult> r = MARKETING.createCampaigns(req).getResult();
        assertEquals(ErrorCode.ROLLED_BACK, r.get(0).getError().get(0).getCode());
        assertEquals(ErrorCode.VALIDATION, r.get(1).getError().get(0).getCode());
        assertEquals(0, find(u).size());
    }

    // ----- updateCampaigns -----

    @Test
    void updateReplacesDataAndMovesStatusAlongTheLifecycle() throws Exception {
        String u = uid();
        long id = create(MARKETING, data("Life " + u));
        CampaignData active = data("Life " + u + " active");
        active.setStatus(CampaignStatus.ACTIVE);
        active.setActualCost(new BigDecimal("10"));
        assertEquals(1L, update(id, 0L, active).getVersion());
        CampaignData keep = data("Life " + u + " kept");
        assertEquals(2L, update(id, 1L, keep).getVersion());
        Campaign c = get(Clientele.MARKETING, id);
        assertEquals(CampaignStatus.ACTIVE, c.getData().getStatus(), "status left out stays as it is");
        assertNull(c.getData().getActualCost(), "optional fields left out are cleared");
        CampaignData done = data("Life " + u);
        done.setStatus(CampaignStatus.COMPLETED);
        assertTrue(update(id, 2L, done).isSuccess());
        CampaignData back = data("Life " + u);
        back.setStatus(CampaignStatus.ACTIVE);
        ItemResult refused = update(id, null, back);
        assertItemError(refused, null, ErrorCode.INVALID_STATE, "status");
        assertTrue(refused.getError().get(0).getMessage().contains("COMPLETED is final"), refused.getError().get(0).getMessage());
        assertEquals(CampaignStatus.COMPLETED, get(Clientele.MARKETING, id).getData().getStatus());
    }

    @Test
    void staleExpectedVersionIsConcurrencyAndChangesNothing() throws Exception {
        String u = uid();
        long id = create(MARKETING, data("Versioned " + u));
        assertTrue(update(id, 0L, data("Versioned " + u + " v1")).isSuccess());
        assertItemError(update(id, 0L, data("Versioned " + u + " stale")), null, ErrorCode.CONCURRENCY, "expectedVersion");
        Campaign c = get(Clientele.MARKETING, id);
        assertEquals(1, c.getVersion());
        assertEquals("Versioned " + u + " v1", c.getData().getName());
    }

    @Test
    void unknownCampaignAndParentCyclesAreItemErrors() throws Exception {
        String u = uid();
        assertItemError(update(UNKNOWN_ID, null, data("Nobody " + u)), null, ErrorCode.NOT_FOUND, "id");
        long root = create(MARKETING, data("Root " + u));
        CampaignData childData = data("Child " + u);
        childData.setParentId(root);
        long child = create(MARKETING, childData);
        CampaignData cycle = data("Root " + u);
        cycle.setParentId(child);
        assertItemError(update(root, null, cycle), null, ErrorCode.VALIDATION, "parentId");
        CampaignData self = data("Root " + u);
        self.setParentId(root);
        assertItemError(update(root, null, self), null, ErrorCode.VALIDATION, "parentId");
    }

    // ----- findCampaigns -----

    @Test
    void findFiltersAndPagesInIdOrder() throws Exception {
        String u = uid();
        CampaignData oneData = data("Find " + u + " one");
        oneData.setEndDate(date("2026-06-30"));
        long a = create(MARKETING, oneData);
        CampaignData webData = data("Find " + u + " two");
        webData.setEndDate(date("2026-12-31"));
        webData.setChannel(CampaignChannel.WEB);
        webData.setStatus(CampaignStatus.ACTIVE);
        long b = create(MARKETING, webData);
        CampaignData lateData = data("Find " + u + " three");
        lateData.setStartDate(date("2027-06-01"));
        long c = create(MARKETING, lateData);
        FindCampaigns first = new FindCampaigns();
        first.setNameContains("FIND " + u.toUpperCase());
        first.setPageSize(2);
        FindCampaignsResponse page1 = READONLY.findCampaigns(first);
        assertEquals(List.of(a, b), page1.getCampaign().stream().map(Campaign::getId).toList());
        assertNotNull(page1.getNextPageToken());
        first.setPageToken(page1.getNextPageToken());
        FindCampaignsResponse page2 = READONLY.findCampaigns(first);
        assertEquals(List.of(c), page2.getCampaign().stream().map(Campaign::getId).toList());
        assertNull(page2.getNextPageToken());

        FindCampaigns byChannel = new FindCampaigns();
        byChannel.setNameContains(u);
        byChannel.setChannel(CampaignChannel.WEB);
        byChannel.setStatus(CampaignStatus.ACTIVE);
        assertEquals(List.of(b), ids(INTEGRATION.findCampaigns(byChannel)));
        FindCampaigns byDate = new FindCampaigns();
        byDate.setNameContains(u);
        byDate.setActiveFrom(date("2027-01-01"));
        assertEquals(List.of(c), ids(INTEGRATION.findCampaigns(byDate)), "c has no end date, so it runs on");
        byDate.setActiveFrom(date("2026-07-01"));
        assertEquals(List.of(b, c), ids(INTEGRATION.findCampaigns(byDate)));
        byDate.setActiveFrom(null);
        byDate.setActiveTo(date("2026-12-31"));
        assertEquals(List.of(a, b), ids(INTEGRATION.findCampaigns(byDate)));
    }

    @Test
    void forgedOrForeignPageTokensAreRefused() throws Exception {
        String u = uid();
        create(MARKETING, data("Token " + u + " 1"));
        create(MARKETING, data("Token " + u + " 2"));
        FindCampaigns f = new FindCampaigns();
        f.setNameContains("Token " + u);
        f.setPageSize(1);
        String token = READONLY.findCampaigns(f).getNextPageToken();
        f.setPageToken(token + "x");
        assertFault(ErrorCode.VALIDATION, () -> READONLY.findCampaigns(f));
        f.setPageToken(token);
        f.setChannel(CampaignChannel.PHONE);
        assertFault(ErrorCode.VALIDATION, () -> READONLY.findCampaigns(f));
    }

    // ----- members -----

    @Test
    void membersAreAddedOnceAndRemoved() throws Exception {
        String u = uid();
        long campaign = create(MARKETING, data("Members " + u));
        long[] customer = customerWithContact("Member " + u);
        long[] other = customerWithContact("Other " + u);
        AddCampaignMembers add = new AddCampaignMembers();
        add.getMember().add(member("customer", campaign, customer[0], null));
        add.getMember().add(member("contact", campaign, customer[0], customer[1]));
        add.getMember().add(member("again", campaign, customer[0], null));
        add.getMember().add(member("foreign contact", campaign, customer[0], other[1]));
        add.getMember().add(member("nobody", campaign, UNKNOWN_ID, null));
        add.getMember().add(member("no campaign", UNKNOWN_ID, customer[0], null));
        List<ItemResult> r = MARKETING.addCampaignMembers(add).getResult();
        assertEquals(6, r.size());
        assertTrue(r.get(0).isSuccess());
        assertEquals(Boolean.TRUE, r.get(0).isCreated());
        assertTrue(r.get(1).isSuccess());
        assertEquals(Boolean.TRUE, r.get(1).isCreated());
        assertTrue(r.get(2).isSuccess(), "an existing member is no error");
        assertEquals(Boolean.FALSE, r.get(2).isCreated());
        assertEquals(r.get(0).getId(), r.get(2).getId());
        assertItemError(r.get(3), "foreign contact", ErrorCode.VALIDATION, "contactId");
        assertItemError(r.get(4), "nobody", ErrorCode.NOT_FOUND, "customerId");
        assertItemError(r.get(5), "no campaign", ErrorCode.NOT_FOUND, "campaignId");
        assertEquals(2, stats(campaign).getMembers());

        RemoveCampaignMembers remove = new RemoveCampaignMembers();
        remove.getMember().add(member("contact", campaign, customer[0], customer[1]));
        remove.getMember().add(member("never", campaign, other[0], null));
        List<ItemResult> removed = MARKETING.removeCampaignMembers(remove).getResult();
        assertTrue(removed.get(0).isSuccess());
        assertEquals(r.get(1).getId(), removed.get(0).getId());
        assertItemError(removed.get(1), "never", ErrorCode.NOT_FOUND, "customerId");
        assertEquals(1, stats(campaign).getMembers());
    }

    @Test
    void deletedAndMergedCustomersCannotBeAdded() throws Exception {
        String u = uid();
        long campaign = create(MARKETING, data("Closed doors " + u));
        long deleted = customerWithContact("Deleted " + u)[0];
        DeleteCustomers del = new DeleteCustomers();
        CustomerRef ref = new CustomerRef();
        ref.setId(deleted);
        del.getCustomer().add(ref);
        assertTrue(CUSTOMERS.deleteCustomers(del).getResult().get(0).isSuccess());
        long master = customerWithContact("Master " + u)[0];
        long duplicate = customerWithContact("Duplicate " + u)[0];
        merge(master, duplicate);
        AddCampaignMembers add = new AddCampaignMembers();
        add.getMember().add(member("deleted", campaign, deleted, null));
        add.getMember().add(member("merged", campaign, duplicate, null));
        List<ItemResult> r = MARKETING.addCampaignMembers(add).getResult();
        assertItemError(r.get(0), "deleted", ErrorCode.INVALID_STATE, "customerId");
        assertItemError(r.get(1), "merged", ErrorCode.INVALID_STATE, "customerId");
    }

    @Test
    void membersOfAFinishedCampaignAreFrozen() throws Exception {
        String u = uid();
        long customer = customerWithContact("Frozen " + u)[0];
        CampaignData d = data("Frozen " + u);
        d.setStatus(CampaignStatus.ACTIVE);
        long campaign = create(MARKETING, d);
        addMember(campaign, customer);
        respond(MARKETING, campaign, customer, ResponseStage.SENT, null);
        d.setStatus(CampaignStatus.CANCELLED);
        assertTrue(update(campaign, null, d).isSuccess());
        AddCampaignMembers add = new AddCampaignMembers();
        add.getMember().add(member("late", campaign, customerWithContact("Late " + u)[0], null));
        assertItemError(MARKETING.addCampaignMembers(add).getResult().get(0), "late", ErrorCode.INVALID_STATE, "campaignId");
        RemoveCampaignMembers remove = new RemoveCampaignMembers();
        remove.getMember().add(member("gone", campaign, customer, null));
        assertItemError(MARKETING.removeCampaignMembers(remove).getResult().get(0), "gone", ErrorCode.INVALID_STATE, "campaignId");
        assertItemError(respond(MARKETING, campaign, customer, ResponseStage.OPENED, null), null, ErrorCode.INVALID_STATE, "campaignId");
    }

    @Test
    void memberBatchesOverTheLimitAreRefused() {
        AddCampaignMembers add = new AddCampaignMembers();
        RemoveCampaignMembers remove = new RemoveCampaignMembers();
        RecordCampaignResponses record = new RecordCampaignResponses();
        UpdateCampaigns update = new UpdateCampaigns();
        for (int i = 0; i < 201; i++) {
            add.getMember().add(member(null, UNKNOWN_ID, UNKNOWN_ID, null));
            remove.getMember().add(member(null, UNKNOWN_ID, UNKNOWN_ID, null));
            record.getResponse().add(response(UNKNOWN_ID, UNKNOWN_ID, ResponseStage.SENT, null));
            CampaignChange ch = new CampaignChange();
            ch.setId(UNKNOWN_ID);
            ch.setData(data("Limit"));
            update.getCampaign().add(ch);
        }
        assertFault(ErrorCode.LIMIT_EXCEEDED, () -> MARKETING.addCampaignMembers(add));
        assertFault(ErrorCode.LIMIT_EXCEEDED, () -> MARKETING.removeCampaignMembers(remove));
        assertFault(ErrorCode.LIMIT_EXCEEDED, () -> MARKETING.recordCampaignResponses(record));
        assertFault(ErrorCode.LIMIT_EXCEEDED, () -> MARKETING.updateCampaigns(update));
    }

    // ----- responses and statistics -----

    @Test
    void responsesCountOncePerStageAndStatisticsAreExact() throws Exception {
        String u = uid();
        CampaignData d = data("Stats " + u);
        d.setStatus(CampaignStatus.ACTIVE);
        d.setActualCost(new BigDecimal("30"));
        long campaign = create(MARKETING, d);
        long a = customerWithContact("A " + u)[0], b = customerWithContact("B " + u)[0];
        long c = customerWithContact("C " + u)[0], none = customerWithContact("D " + u)[0];
        long stranger = customerWithContact("Stranger " + u)[0];
        for (long m : new long[] {a, b, c, none}) {
            addMember(campaign, m);
        }
        RecordCampaignResponses rec = new RecordCampaignResponses();
        rec.getResponse().add(response(campaign, a, ResponseStage.SENT, null));
        rec.getResponse().add(response(campaign, a, ResponseStage.RESPONDED, null));
        rec.getResponse().add(response(campaign, a, ResponseStage.CONVERTED, new BigDecimal("100.0001")));
        rec.getResponse().add(response(campaign, b, ResponseStage.SENT, null));
        rec.getResponse().add(response(campaign, b, ResponseStage.RESPONDED, null));
        rec.getResponse().add(response(campaign, c, ResponseStage.SENT, null));
        rec.getResponse().add(response(campaign, c, ResponseStage.OPENED, new BigDecimal("0.5")));
        rec.getResponse().add(response(campaign, stranger, ResponseStage.SENT, null));
        List<ItemResult> r = INTEGRATION.recordCampaignResponses(rec).getResult();
        for (int i = 0; i < 7; i++) {
            assertTrue(r.get(i).isSuccess(), "item " + i);
            assertEquals(Boolean.TRUE, r.get(i).isCreated());
        }
        assertItemError(r.get(7), null, ErrorCode.NOT_FOUND, "customerId");
        ItemResult again = respond(MARKETING, campaign, a, ResponseStage.CONVERTED, new BigDecimal("999"));
        assertTrue(again.isSuccess(), "a repeated stage is no error");
        assertEquals(Boolean.FALSE, again.isCreated());
        assertEquals(r.get(2).getId(), again.getId());

        CampaignStatistics s = stats(campaign);
        assertEquals(4, s.getMembers());
        assertEquals(3, s.getSent());
        assertEquals(1, s.getOpened());
        assertEquals(0, s.getClicked());
        assertEquals(2, s.getResponded());
        assertEquals(1, s.getConverted());
        assertEquals(2, s.getRespondedOrConverted());
        assertEquals(new BigDecimal("0.666667"), s.getResponseRate());
        assertEquals(new BigDecimal("0.333333"), s.getConversionRate());
        assertEquals(new BigDecimal("100.5001"), s.getTotalRevenue(), "the repeated CONVERTED is not counted twice");
        assertEquals(new BigDecimal("30.0000"), s.getActualCost());
        assertEquals(new BigDecimal("30.0000"), s.getCostPerConversion());
        assertEquals(new BigDecimal("2.350003"), s.getRoi());
        assertEquals("EUR", s.getCurrency());
        assertEquals(1, s.getCampaigns());
    }

    @Test
    void statisticsWithoutSendsOrCostLeaveRatiosOut() throws Exception {
        String u = uid();
        CampaignData d = data("Quiet " + u);
        d.setStatus(CampaignStatus.ACTIVE);
        long campaign = create(MARKETING, d);
        addMember(campaign, customerWithContact("Quiet " + u)[0]);
        CampaignStatistics s = stats(campaign);
        assertEquals(1, s.getMembers());
        assertNull(s.getResponseRate());
        assertNull(s.getConversionRate());
        assertNull(s.getCostPerConversion());
        assertNull(s.getRoi());
        assertEquals(0, BigDecimal.ZERO.compareTo(s.getTotalRevenue()));
        assertFault(ErrorCode.NOT_FOUND, () -> READONLY.getCampaignStatistics(statsRequest(UNKNOWN_ID, false)));
    }

    @Test
    void statisticsIncludeChildCampaignsWhenAsked() throws Exception {
        String u = uid();
        CampaignData p = data("Parent " + u);
        p.setStatus(CampaignStatus.ACTIVE);
        p.setActualCost(new BigDecimal("10"));
        long parent = create(MARKETING, p);
        CampaignData ch = data("Child " + u);
        ch.setStatus(CampaignStatus.ACTIVE);
        ch.setActualCost(new BigDecimal("20"));
        ch.setParentId(parent);
        long child = create(MARKETING, ch);
        long x = customerWithContact("X " + u)[0];
        addMember(parent, x);
        addMember(child, x);
        respond(MARKETING, parent, x, ResponseStage.CONVERTED, new BigDecimal("15"));
        respond(MARKETING, child, x, ResponseStage.CONVERTED, new BigDecimal("30"));
        CampaignStatistics own = stats(parent);
        assertEquals(1, own.getMembers());
        assertEquals(new BigDecimal("0.500000"), own.getRoi());
        CampaignStatistics all = READONLY.getCampaignStatistics(statsRequest(parent, true)).getStatistics();
        assertTrue(all.isIncludesChildren());
        assertEquals(2, all.getCampaigns());
        assertEquals(2, all.getMembers());
        assertEquals(new BigDecimal("45.0000"), all.getTotalRevenue());
        assertEquals(new BigDecimal("30.0000"), all.getActualCost());
        assertEquals(new BigDecimal("0.500000"), all.getRoi());
        ch.setCurrency("USD");
        assertItemError(update(child, null, ch), null, ErrorCode.INVALID_STATE, "currency");
    }

    @Test
    void concurrentAddsAndResponsesOfTheSameMemberStoreOne() throws Exception {
        String u = uid();
        CampaignData d = data("Race " + u);
        d.setStatus(CampaignStatus.ACTIVE);
        long campaign = create(MARKETING, d);
        long customer = customerWithContact("Race " + u)[0];
        int writers = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<ItemResult>> adds = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                CampaignPortType port = campaigns(Clientele.MARKETING);
                adds.add(pool.submit(() -> {
                    start.await();
                    AddCampaignMembers add = new AddCampaignMembers();
                    add.getMember().add(member(null, campaign, customer, null));
                    return port.addCampaignMembers(add).getResult().get(0);
                }));
            }
            start.countDown();
            List<ItemResult> added = new ArrayList<>();
            for (java.util.concurrent.Future<ItemResult> f : adds) {
                added.add(f.get());
            }
            assertTrue(added.stream().allMatch(ItemResult::isSuccess), "every concurrent add succeeds");
            assertEquals(1, added.stream().filter(r -> Boolean.TRUE.equals(r.isCreated())).count(), "exactly one creates the membership");
            assertEquals(1, added.stream().map(ItemResult::getId).distinct().count());

            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<ItemResult>> responses = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                CampaignPortType port = campaigns(Clientele.INTEGRATION);
                BigDecimal revenue = BigDecimal.valueOf(10 + i);
                responses.add(pool.submit(() -> {
                    go.await();
                    return respond(port, campaign, customer, ResponseStage.CONVERTED, revenue);
                }));
            }
            go.countDown();
            List<ItemResult> recorded = new ArrayList<>();
            for (java.util.concurrent.Future<ItemResult> f : responses) {
                recorded.add(f.get());
            }
            assertTrue(recorded.stream().allMatch(ItemResult::isSuccess), "every concurrent response succeeds");
            assertEquals(1, recorded.stream().filter(r -> Boolean.TRUE.equals(r.isCreated())).count(), "exactly one stores the stage");
        } finally {
            pool.shutdownNow();
        }
        CampaignStatistics s = stats(campaign);
        assertEquals(1, s.getMembers());
        assertEquals(1, s.getConverted());
        assertTrue(List.of(new BigDecimal("10.0000"), new BigDecimal("11.0000"), new BigDecimal("12.0000"), new BigDecimal("13.0000"))
                .contains(s.getTotalRevenue()), "one revenue, not a sum: " + s.getTotalRevenue());
    }

    // ----- merge -----

    @Test
    void aMergeMovesMembershipsWithoutCountingTwice() throws Exception {
        String u = uid();
        CampaignData d = data("Merge " + u);
        d.setStatus(CampaignStatus.ACTIVE);
        d.setActualCost(new BigDecimal("100"));
        long shared = create(MARKETING, d);
        d.setName("Merge only duplicate " + u);
        long onlyDuplicate = create(MARKETING, d);
        long master = customerWithContact("Master " + u)[0];
        long[] duplicate = customerWithContact("Duplicate " + u);
        addMember(shared, master);
        long duplicateShared = addMember(shared, duplicate[0]);
        long duplicateOnly = addMember(onlyDuplicate, duplicate[0]);
        AddCampaignMembers viaContact = new AddCampaignMembers();
        viaContact.getMember().add(member("contact", shared, duplicate[0], duplicate[1]));
        assertTrue(MARKETING.addCampaignMembers(viaContact).getResult().get(0).isSuccess());
        respond(MARKETING, shared, master, ResponseStage.SENT, null);
        respond(MARKETING, shared, master, ResponseStage.CONVERTED, new BigDecimal("40"));
        respond(MARKETING, shared, duplicate[0], ResponseStage.SENT, null);
        respond(MARKETING, shared, duplicate[0], ResponseStage.OPENED, null);
        respond(MARKETING, shared, duplicate[0], ResponseStage.CONVERTED, new BigDecimal("60"));
        respond(MARKETING, onlyDuplicate, duplicate[0], ResponseStage.SENT, null);
        CampaignStatistics before = stats(shared);
        assertEquals(3, before.getMembers());
        assertEquals(2, before.getSent());
        assertEquals(2, before.getConverted());
        assertEquals(new BigDecimal("100.0000"), before.getTotalRevenue());

        SyncPortType sync = SyncClients.sync(Clientele.INTEGRATION);
        String cursor = sync.getLatestCursor(new GetLatestCursor()).getCursor();
        merge(master, duplicate[0]);

        CampaignStatistics after = stats(shared);
        assertEquals(2, after.getMembers(), "the master on its own and through the moved contact");
        assertEquals(1, after.getSent());
        assertEquals(1, after.getOpened(), "a stage only the duplicate had moves to the master");
        assertEquals(1, after.getConverted());
        assertEquals(new BigDecimal("40.0000"), after.getTotalRevenue(), "the master's revenue for the stage is kept");
        assertEquals(new BigDecimal("1.000000"), after.getConversionRate());
        CampaignStatistics moved = stats(onlyDuplicate);
        assertEquals(1, moved.getMembers());
        assertEquals(1, moved.getSent());
        // the memberships now belong to the master: adding it again is reported as existing
        AddCampaignMembers again = new AddCampaignMembers();
        again.getMember().add(member("m", onlyDuplicate, master, null));
        again.getMember().add(member("c", shared, master, duplicate[1]));
        List<ItemResult> r = MARKETING.addCampaignMembers(again).getResult();
        assertEquals(Boolean.FALSE, r.get(0).isCreated());
        assertEquals(Boolean.FALSE, r.get(1).isCreated());

        List<Change> changes = SyncIT.drain(sync, cursor, cs -> !ops(cs, EntityType.CAMPAIGN_MEMBER, duplicateShared).isEmpty()
                && !ops(cs, EntityType.CAMPAIGN_MEMBER, duplicateOnly).isEmpty());
        // the memberships' CREATED rows may be numbered after the cursor was taken (the sequencer runs every 100 ms)
        assertEquals(List.of(Operation.DELETED), withoutCreation(ops(changes, EntityType.CAMPAIGN_MEMBER, duplicateShared)));
        assertEquals(List.of(Operation.UPDATED), withoutCreation(ops(changes, EntityType.CAMPAIGN_MEMBER, duplicateOnly)));
        assertTrue(changes.stream().anyMatch(c -> c.getEntityType() == EntityType.CAMPAIGN_RESPONSE && c.getOperation() == Operation.UPDATED));
        assertTrue(changes.stream().anyMatch(c -> c.getEntityType() == EntityType.CAMPAIGN_RESPONSE && c.getOperation() == Operation.DELETED));
    }

    @Test
    void removingAContactMovesItsMembershipsToTheCustomerWithoutLosingResponses() throws Exception {
        String u = uid();
        CampaignData d = data("Contact removed " + u);
        d.setStatus(CampaignStatus.ACTIVE);
        long folded = create(MARKETING, d);
        d.setName("Contact removed, membership moved " + u);
        long moved = create(MARKETING, d);
        long[] customer = customerWithContact("Replacing contacts " + u);
        addMember(folded, customer[0]);
        AddCampaignMembers viaContact = new AddCampaignMembers();
        viaContact.getMember().add(member("folded", folded, customer[0], customer[1]));
        viaContact.getMember().add(member("moved", moved, customer[0], customer[1]));
        List<ItemResult> added = MARKETING.addCampaignMembers(viaContact).getResult();
        long foldedViaContact = added.get(0).getId();
        long movedViaContact = added.get(1).getId();
        respond(MARKETING, folded, customer[0], ResponseStage.SENT, null);
        respondThrough(folded, customer, ResponseStage.SENT);
        respondThrough(folded, customer, ResponseStage.OPENED);
        respondThrough(moved, customer, ResponseStage.SENT);
        assertEquals(2, stats(folded).getMembers());
        assertEquals(2, stats(folded).getSent());

        SyncPortType sync = SyncClients.sync(Clientele.INTEGRATION);
        String cursor = sync.getLatestCursor(new GetLatestCursor()).getCursor();
        // what an ERP's sync does: it sends the customer's contacts without Clientele's ids, so the old one goes
        CustomerData replaced = new CustomerData();
        replaced.setKind(CustomerKind.ORGANIZATION);
        replaced.setName("Replacing contacts " + u);
        Contact p = new Contact();
        p.setLastName("New contact " + u);
        replaced.getContact().add(p);
        CustomerChange change = new CustomerChange();
        change.setId(customer[0]);
        change.setData(replaced);
        UpdateCustomers update = new UpdateCustomers();
        update.getCustomer().add(change);
        ItemResult updated = CUSTOMERS.updateCustomers(update).getResult().get(0);
        assertTrue(updated.isSuccess(), () -> "update failed: " + updated.getError().get(0).getMessage());

        CampaignStatistics f = stats(folded);
        assertEquals(1, f.getMembers(), "the membership through the removed contact is folded into the customer's own");
        assertEquals(1, f.getSent());
        assertEquals(1, f.getOpened(), "a stage only the contact's membership had moves over");
        CampaignStatistics m = stats(moved);
        assertEquals(1, m.getMembers(), "the membership now belongs to the customer on its own");
        assertEquals(1, m.getSent());
        AddCampaignMembers again = new AddCampaignMembers();
        again.getMember().add(member("own", moved, customer[0], null));
        assertEquals(Boolean.FALSE, MARKETING.addCampaignMembers(again).getResult().get(0).isCreated());

        List<Change> changes = SyncIT.drain(sync, cursor, cs -> !ops(cs, EntityType.CAMPAIGN_MEMBER, foldedViaContact).isEmpty()
                && !ops(cs, EntityType.CAMPAIGN_MEMBER, movedViaContact).isEmpty());
        assertEquals(List.of(Operation.DELETED), withoutCreation(ops(changes, EntityType.CAMPAIGN_MEMBER, foldedViaContact)));
        assertEquals(List.of(Operation.UPDATED), withoutCreation(ops(changes, EntityType.CAMPAIGN_MEMBER, movedViaContact)));
    }

    static void respondThrough(long campaign, long[] customer, ResponseStage stage) throws CrmFault {
        RecordCampaignResponses rec = new RecordCampaignResponses();
        NewResponse r = response(campaign, customer[0], stage, null);
        r.setContactId(customer[1]);
        rec.getResponse().add(r);
        ItemResult done = MARKETING.recordCampaignResponses(rec).getResult().get(0);
        assertTrue(done.isSuccess(), () -> "response failed: " + done.getError().get(0).getMessage());
    }

    // ----- feed, roles, idempotency -----

    @Test
    void everyWriteAppearsInTheFeed() throws Exception {
        String u = uid();
        SyncPortType sync = SyncClients.sync(Clientele.INTEGRATION);
        String cursor = sync.getLatestCursor(new GetLatestCursor()).getCursor();
        CampaignData d = data("Feed " + u);
        d.setStatus(CampaignStatus.ACTIVE);
        long campaign = create(MARKETING, d);
        long customer = customerWithContact("Feed " + u)[0];
        long member = addMember(campaign, customer);
        long response = respond(MARKETING, campaign, customer, ResponseStage.SENT, null).getId();
        update(campaign, null, d);
        RemoveCampaignMembers remove = new RemoveCampaignMembers();
        remove.getMember().add(member(null, campaign, customer, null));
        assertTrue(MARKETING.removeCampaignMembers(remove).getResult().get(0).isSuccess());
        List<Change> changes = SyncIT.drain(sync, cursor, cs -> cs.stream().anyMatch(c -> c.getEntityId() == member
                && c.getEntityType() == EntityType.CAMPAIGN_MEMBER && c.getOperation() == Operation.DELETED));
        assertEquals(List.of(Operation.CREATED, Operation.UPDATED), ops(changes, EntityType.CAMPAIGN, campaign));
        assertEquals(List.of(Operation.CREATED, Operation.DELETED), ops(changes, EntityType.CAMPAIGN_MEMBER, member));
        assertEquals(List.of(Operation.CREATED, Operation.DELETED), ops(changes, EntityType.CAMPAIGN_RESPONSE, response));
        assertEquals(Clientele.MARKETING, changes.stream().filter(c -> c.getEntityId() == campaign
                && c.getEntityType() == EntityType.CAMPAIGN).findFirst().orElseThrow().getPrincipal());
    }

    @Test
    void rolesAreEnforcedPerOperation() throws Exception {
        String u = uid();
        // crm-admin may do everything
        long campaign = create(ADMIN, data("Roles " + u));
        CreateCampaigns req = create(data("Roles refused " + u));
        for (CampaignPortType port : List.of(INTEGRATION, READONLY, AGENT)) {
            assertFault(ErrorCode.NOT_AUTHORIZED, () -> port.createCampaigns(req));
        }
        AddCampaignMembers add = new AddCampaignMembers();
        add.getMember().add(member(null, campaign, UNKNOWN_ID, null));
        for (CampaignPortType port : List.of(INTEGRATION, READONLY, AGENT)) {
            assertFault(ErrorCode.NOT_AUTHORIZED, () -> port.addCampaignMembers(add));
        }
        RecordCampaignResponses rec = new RecordCampaignResponses();
        rec.getResponse().add(response(campaign, UNKNOWN_ID, ResponseStage.SENT, null));
        for (CampaignPortType port : List.of(READONLY, AGENT)) {
            assertFault(ErrorCode.NOT_AUTHORIZED, () -> port.recordCampaignResponses(rec));
        }
        // crm-integration may record responses: the item fails on its own merits, not on the role
        assertEquals(ErrorCode.INVALID_STATE, INTEGRATION.recordCampaignResponses(rec).getResult().get(0).getError().get(0).getCode());
        GetCampaigns get = new GetCampaigns();
        get.getId().add(campaign);
        assertFault(ErrorCode.NOT_AUTHORIZED, () -> AGENT.getCampaigns(get));
        assertFault(ErrorCode.NOT_AUTHORIZED, () -> AGENT.findCampaigns(new FindCampaigns()));
        assertFault(ErrorCode.NOT_AUTHORIZED, () -> AGENT.getCampaignStatistics(statsRequest(campaign, false)));
        UpdateCampaigns update = new UpdateCampaigns();
        CampaignChange change = new CampaignChange();
        change.setId(campaign);
        change.setData(data("Roles changed " + u));
        update.getCampaign().add(change);
        for (CampaignPortType port : List.of(INTEGRATION, READONLY, AGENT)) {
            assertFault(ErrorCode.NOT_AUTHORIZED, () -> port.updateCampaigns(update));
        }
        RemoveCampaignMembers remove = new RemoveCampaignMembers();
        remove.getMember().add(member(null, campaign, UNKNOWN_ID, null));
        assertFault(ErrorCode.NOT_AUTHORIZED, () -> READONLY.removeCampaignMembers(remove));
        assertFault(ErrorCode.NOT_AUTHORIZED, () -> INTEGRATION.removeCampaignMembers(remove));
        for (CampaignPortType port : List.of(MARKETING, INTEGRATION, READONLY, ADMIN)) {
            assertEquals(campaign, port.getCampaigns(get).getLookup().get(0).getCampaign().getId());
        }
        assertEquals(0, find("Roles refused " + u).size());
    }

    @Test
    void idempotencyKeysReplayAndRefuseOtherRequests() throws Exception {
        String u = uid();
        CampaignPortType port = withKey(campaigns(Clientele.MARKETING), "campaign-" + u);
        List<ItemResult> first = port.createCampaigns(create(data("Idem " + u))).getResult();
        List<ItemResult> retry = port.createCampaigns(create(data("Idem " + u))).getResult();
        assertEquals(first.get(0).getId(), retry.get(0).getId());
        assertEquals(1, find("Idem " + u).size());
        assertFault(ErrorCode.IDEMPOTENCY_CONFLICT, () -> port.createCampaigns(create(data("Idem other " + u))));
        assertEquals(0, find("Idem other " + u).size());
    }

    @Test
    void soap12PortServesTheSameOperations() throws Exception {
        CampaignPortType port12 = Clientele.secured(CampaignPortType.class, "/clientele/CampaignService12", Clientele.MARKETING,
                Clientele.PASSWORD, true);
        String u = uid();
        long id = port12.createCampaigns(create(data("Soap12 " + u))).getResult().get(0).getId();
        GetCampaigns get = new GetCampaigns();
        get.getId().add(id);
        assertEquals("Soap12 " + u, port12.getCampaigns(get).getLookup().get(0).getCampaign().getData().getName());
        assertFault(ErrorCode.NOT_FOUND, () -> port12.getCampaignStatistics(statsRequest(UNKNOWN_ID, false)));
    }

    // ----- helpers -----

    static String uid() {
        return UUID.randomUUID().toString().substring(0, 13);
    }

    static XMLGregorianCalendar date(String s) {
        try {
            return DatatypeFactory.newInstance().newXMLGregorianCalendar(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static CampaignData data(String name) {
        CampaignData d = new CampaignData();
        d.setName(name);
        d.setChannel(CampaignChannel.EMAIL);
        d.setStartDate(date("2026-03-01"));
        d.setCurrency("EUR");
        return d;
    }

    static NewCampaign item(String ref, CampaignData d) {
        NewCampaign n = new NewCampaign();
        n.setClientRef(ref);
        n.setData(d);
        return n;
    }

    static CreateCampaigns create(CampaignData... items) {
        CreateCampaigns req = new CreateCampaigns();
        for (CampaignData d : items) {
            req.getCampaign().add(item(null, d));
        }
        return req;
    }

    static long create(CampaignPortType port, CampaignData d) throws CrmFault {
        ItemResult r = port.createCampaigns(create(d)).getResult().get(0);
        assertTrue(r.isSuccess(), () -> "create failed: " + r.getError().get(0).getMessage());
        return r.getId();
    }

    static ItemResult update(long id, Long expectedVersion, CampaignData d) throws CrmFault {
        UpdateCampaigns req = new UpdateCampaigns();
        CampaignChange ch = new CampaignChange();
        ch.setId(id);
        ch.setExpectedVersion(expectedVersion);
        ch.setData(d);
        req.getCampaign().add(ch);
        return MARKETING.updateCampaigns(req).getResult().get(0);
    }

    static Campaign get(String user, long id) throws CrmFault {
        GetCampaigns get = new GetCampaigns();
        get.getId().add(id);
        return campaigns(user).getCampaigns(get).getLookup().get(0).getCampaign();
    }

    static List<Campaign> find(String nameContains) throws CrmFault {
        FindCampaigns f = new FindCampaigns();
        f.setNameContains(nameContains);
        return READONLY.findCampaigns(f).getCampaign();
    }

    static List<Long> ids(FindCampaignsResponse r) {
        return r.getCampaign().stream().map(Campaign::getId).toList();
    }

    static MemberRef member(String ref, long campaign, long customer, Long contact) {
        MemberRef m = new MemberRef();
        m.setClientRef(ref);
        m.setCampaignId(campaign);
        m.setCustomerId(customer);
        m.setContactId(contact);
        return m;
    }

    static long addMember(long campaign, long customer) throws CrmFault {
        AddCampaignMembers add = new AddCampaignMembers();
        add.getMember().add(member(null, campaign, customer, null));
        ItemResult r = MARKETING.addCampaignMembers(add).getResult().get(0);
        assertTrue(r.isSuccess(), () -> "add failed: " + r.getError().get(0).getMessage());
        return r.getId();
    }

    static NewResponse response(long campaign, long customer, ResponseStage stage, BigDecimal revenue) {
        NewResponse r = new NewResponse();
        r.setCampaignId(campaign);
        r.setCustomerId(customer);
        r.setStage(stage);
        r.setRespondedAt(OffsetDateTime.of(2026, 3, 2, 10, 0, 0, 0, ZoneOffset.UTC));
        r.setRevenue(revenue);
        return r;
    }

    static ItemResult respond(CampaignPortType port, long campaign, long customer, ResponseStage stage, BigDecimal revenue) throws CrmFault {
        RecordCampaignResponses rec = new RecordCampaignResponses();
        rec.getResponse().add(response(campaign, customer, stage, revenue));
        return port.recordCampaignResponses(rec).getResult().get(0);
    }

    static GetCampaignStatistics statsRequest(long campaign, boolean children) {
        GetCampaignStatistics g = new GetCampaignStatistics();
        g.setCampaignId(campaign);
        g.setIncludeChildren(children);
        return g;
    }

    static CampaignStatistics stats(long campaign) throws CrmFault {
        return READONLY.getCampaignStatistics(statsRequest(campaign, false)).getStatistics();
    }

    /** A new customer with one contact: {customer id, contact id}. */
    static long[] customerWithContact(String name) throws Exception {
        CustomerData d = new CustomerData();
        d.setKind(CustomerKind.ORGANIZATION);
        d.setName(name);
        Contact p = new Contact();
        p.setLastName("Contact of " + name);
        d.getContact().add(p);
        NewCustomer n = new NewCustomer();
        n.setData(d);
        CreateCustomers req = new CreateCustomers();
        req.getCustomer().add(n);
        long id = CUSTOMERS.createCustomers(req).getResult().get(0).getId();
        GetCustomers get = new GetCustomers();
        get.getId().add(id);
        long contact = CUSTOMERS.getCustomers(get).getLookup().get(0).getCustomer().getData().getContact().get(0).getId();
        return new long[] {id, contact};
    }

    static void merge(long master, long duplicate) throws Exception {
        MergeCustomers m = new MergeCustomers();
        m.setMasterId(master);
        m.getDuplicateId().add(duplicate);
        CUSTOMERS.mergeCustomers(m);
    }

    /** The operations after a leading CREATED, which happened before the cursor but may be numbered after it. */
    static List<Operation> withoutCreation(List<Operation> ops) {
        return !ops.isEmpty() && ops.get(0) == Operation.CREATED ? ops.subList(1, ops.size()) : ops;
    }

    static List<Operation> ops(List<Change> changes, EntityType type, long id) {
        List<Operation> ops = new ArrayList<>();
        changes.stream().filter(c -> c.getEntityType() == type && c.getEntityId() == id).forEach(c -> ops.add(c.getOperation()));
        return ops;
    }

    static void assertItemError(ItemResult r, String clientRef, ErrorCode code, String field) {
        assertFalse(r.isSuccess(), "item " + r.getClientRef() + " should have failed");
        if (clientRef != null) {
            assertEquals(clientRef, r.getClientRef());
        }
        assertEquals(code, r.getError().get(0).getCode(), r.getError().get(0).getMessage());
        assertEquals(field, r.getError().get(0).getField());
    }

    static void assertFault(ErrorCode code, Executable call) {
        CrmFault fault = assertThrows(CrmFault.class, call);
        assertEquals(code, fault.getFaultInfo().getCode(), fault.getFaultInfo().getMessage());
    }

    static CampaignPortType withKey(CampaignPortType port, String key) throws Exception {
        Document doc = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
        String ns = "urn:clientele:crm:common:v1";
        Element context = doc.createElementNS(ns, "c:RequestContext");
        Element k = doc.createElementNS(ns, "c:idempotencyKey");
        k.setTextContent(key);
        context.appendChild(k);
        List<Header> headers = new ArrayList<>();
        headers.add(new Header(new QName(ns, "RequestContext"), context));
        ((BindingProvider) port).getRequestContext().put(Header.HEADER_LIST, headers);
        return port;
    }
}
