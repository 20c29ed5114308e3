package org.clientele.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.xml.ws.BindingProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.headers.Header;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.clientele.ws.cases.AddCaseAttachment;
import org.clientele.ws.cases.AddCaseComment;
import org.clientele.ws.cases.AssignCase;
import org.clientele.ws.cases.Assignee;
import org.clientele.ws.cases.AssigneeKind;
import org.clientele.ws.cases.AttachmentInfo;
import org.clientele.ws.cases.Case;
import org.clientele.ws.cases.CaseChange;
import org.clientele.ws.cases.CaseData;
import org.clientele.ws.cases.CaseLookup;
import org.clientele.ws.cases.CasePortType;
import org.clientele.ws.cases.CaseStatus;
import org.clientele.ws.cases.ChangeCaseStatus;
import org.clientele.ws.cases.Channel;
import org.clientele.ws.cases.Comment;
import org.clientele.ws.common.CrmFault;
import org.clientele.ws.cases.FindCases;
import org.clientele.ws.cases.FindCasesResponse;
import org.clientele.ws.cases.GetCaseAttachment;
import org.clientele.ws.cases.GetCaseAttachmentResponse;
import org.clientele.ws.cases.GetCases;
import org.clientele.ws.cases.ListCaseComments;
import org.clientele.ws.cases.ListCaseCommentsResponse;
import org.clientele.ws.cases.NewCase;
import org.clientele.ws.cases.OpenCaseResult;
import org.clientele.ws.cases.OpenCases;
import org.clientele.ws.cases.Priority;
import org.clientele.ws.cases.UpdateCases;
import org.clientele.ws.cases.Visibility;
import org.clientele.ws.common.CrmFaultDetail;
import org.clientele.ws.common.ErrorCode;
import org.clientele.ws.common.ItemResult;
import org.clientele.ws.customer.Contact;
import org.clientele.ws.customer.CreateCustomers;
import org.clientele.ws.customer.CustomerPortType;
import org.clientele.ws.customer.CustomerRef;
import org.clientele.ws.customer.DeleteCustomers;
import org.clientele.ws.customer.GetCustomers;
import org.clientele.ws.customer.MergeCustomers;
import org.clientele.ws.customer.NewCustomer;
import org.clientele.ws.sync.Change;
import org.clientele.ws.sync.EntityType;
import org.clientele.ws.sync.GetLatestCursor;
import org.clientele.ws.sync.Operation;
import org.clientele.ws.sync.SyncPortType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Every CaseService operation end to end over SOAP: happy paths, each fault and item error, the SLA clock and overdue
 * search (the test server runs LOW cases with targets of 2 s / 3 s), comments' visibility, MTOM attachments and their
 * size limit, idempotent retries, roles, customer merges moving cases, and the change feed.
 */
class CaseOperationsIT {
    private static final long UNKNOWN_ID = 8_000_000_000_000_000L;
    private static final String COMMON_NS = "urn:clientele:crm:common:v1";

    private static final CasePortType ADMIN = Clientele.cases(Clientele.ADMIN);
    private static final CasePortType AGENT = Clientele.cases(Clientele.AGENT);
    private static final CasePortType INTEGRATION = Clientele.cases(Clientele.INTEGRATION);
    private static final CasePortType READONLY = Clientele.cases(Clientele.READONLY);
    private static final CasePortType MARKETING = Clientele.cases(Clientele.MARKETING);
    private static final CustomerPortType CUSTOMERS = Clientele.customers(Clientele.INTEGRATION);

    // ----- openCases / getCases -----

    @Test
    void openAssignsNumberVersionAndDueTimesAndGetReturnsEveryField() throws Exception {
        long[] customer = customerWithContact("Open " + uid());
        CaseData d = data(customer[0], Priority.URGENT);
        d.setContactId(customer[1]);
        d.setDescription("The invoice shows the wrong VAT rate");
        d.setExternalReference("ERP-" + uid());
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(5);
        List<OpenCaseResult> results = INTEGRATION.openCases(open(item("r-1", d), item("r-2", data(customer[0], Priority.MEDIUM)))).getResult();
        assertEquals(2, results.size());
        OpenCaseResult r = results.get(0);
        assertEquals("r-1", r.getClientRef());
        assertTrue(r.isSuccess(), () -> r.getError().toString());
        assertEquals(0L, r.getVersion());
        assertTrue(r.getNumber().matches("CS-" + OffsetDateTime.now().getYear() + "-\\d{6,}"), r.getNumber());
        assertNotEquals(r.getNumber(), results.get(1).getNumber(), "numbers are unique");
        assertEquals(Duration.ofHours(3), Duration.between(r.getFirstResponseDueAt(), r.getResolutionDueAt()));

        Case c = get(INTEGRATION, r.getId());
        assertEquals(r.getId(), c.getId());
        assertEquals(r.getNumber(), c.getNumber());
        assertEquals(CaseStatus.NEW, c.getStatus());
        assertEquals(customer[0], c.getData().getCustomerId());
        assertEquals(customer[1], c.getData().getContactId());
        assertEquals(d.getSubject(), c.getData().getSubject());
        assertEquals("The invoice shows the wrong VAT rate", c.getData().getDescription());
        assertEquals(Priority.URGENT, c.getData().getPriority());
        assertEquals(Channel.EMAIL, c.getData().getChannel());
        assertEquals("Billing", c.getData().getCategory());
        assertEquals(d.getExternalReference(), c.getData().getExternalReference());
        assertEquals(Clientele.INTEGRATION, c.getOpenedBy());
        assertTrue(c.getOpenedAt().isAfter(before));
        assertEquals(c.getOpenedAt().plusHours(1).toInstant(), c.getSla().getFirstResponseDueAt().toInstant());
        assertEquals(c.getOpenedAt().plusHours(4).toInstant(), c.getSla().getResolutionDueAt().toInstant());
        assertEquals(r.getFirstResponseDueAt().toInstant(), c.getSla().getFirstResponseDueAt().toInstant());
        assertNull(c.getSla().getFirstRespondedAt());
        assertNull(c.getSla().getResolvedAt());
        assertTrue(c.getSla().isClockRunning());
        assertFalse(c.getSla().isOverdue());
        assertNull(c.getAssignee());
        assertTrue(c.getAttachment().isEmpty());

        // by number, and a NOT_FOUND lookup for each kind of key
        GetCases byNumber = new GetCases();
        byNumber.getId().add(UNKNOWN_ID);
        byNumber.getNumber().add(r.getNumber());
        byNumber.getNumber().add("CS-1999-999999999");
        List<CaseLookup> lookups = READONLY.getCases(byNumber).getLookup();
        assertEquals(3, lookups.size());
        assertEquals(UNKNOWN_ID, lookups.get(0).getId());
        assertEquals(ErrorCode.NOT_FOUND, lookups.get(0).getError().getCode());
        assertNull(lookups.get(0).getCase());
        assertEquals(r.getId(), lookups.get(1).getCase().getId());
        assertEquals(r.getNumber(), lookups.get(1).getNumber());
        assertEquals(ErrorCode.NOT_FOUND, lookups.get(2).getError().getCode());
    }

    @Test
    void openRefusesUnknownDeletedAndMergedCustomersAndForeignContacts() throws Exception {
        long live = customer("Live " + uid());
        long deleted = customer("Deleted " + uid());
        DeleteCustomers delete = new DeleteCustomers();
        delete.getCustomer().add(ref(deleted));
        assertTrue(CUSTOMERS.deleteCustomers(delete).getResult().get(0).isSuccess());
        long master = customer("Master " + uid());
        long duplicate = customer("Duplicate " + uid());
        merge(master, duplicate);
        long[] other = customerWithContact("Other " + uid());
        CaseData foreignContact = data(live, Priority.LOW);
        foreignContact.setContactId(other[1]);

        List<OpenCaseResult> r = AGENT.openCases(open(item("unknown", data(UNKNOWN_ID, Priority.LOW)), item("deleted", data(deleted, Priority.LOW)),
                item("merged", data(duplicate, Priority.LOW)), item("contact", foreignContact), item("good", data(live, Priority.LOW)))).getResult();
        assertEquals(List.of("unknown", "deleted", "merged", "contact", "good"), r.stream().map(ItemResult::getClientRef).toList());
        assertError(r.get(0), ErrorCode.NOT_FOUND, "customerId");
        assertError(r.get(1), ErrorCode.INVALID_STATE, "customerId");
        assertError(r.get(2), ErrorCode.INVALID_STATE, "customerId");
        assertTrue(r.get(2).getError().get(0).getMessage().contains(String.valueOf(master)), "names the master");
        assertError(r.get(3), ErrorCode.VALIDATION, "contactId");
        assertTrue(r.get(4).isSuccess());
        assertNull(r.get(0).getNumber());
        assertEquals(List.of(live), caseCustomers(findByCustomer(live)));
    }

    @Test
    void allOrNoneRollsBackEveryItem() throws Exception {
        long live = customer("AllOrNone " + uid());
        OpenCases request = open(item("good", data(live, Priority.HIGH)), item("bad", data(UNKNOWN_ID, Priority.HIGH)));
        request.setAllOrNone(true);
        List<OpenCaseResult> r = AGENT.openCases(request).getResult();
        assertError(r.get(0), ErrorCode.ROLLED_BACK, null);
        assertError(r.get(1), ErrorCode.NOT_FOUND, "customerId");
        assertTrue(findByCustomer(live).getCase().isEmpty(), "nothing was written");
    }

    @Test
    void batchesOver200AreRefusedAndSchemaViolationsAreValidationFaults() throws Exception {
        long live = customer("Limits " + uid());
        OpenCases big = new OpenCases();
        for (int i = 0; i < 201; i++) {
            big.getCase().add(item("i" + i, data(live, Priority.LOW)));
        }
        assertFault(ErrorCode.LIMIT_EXCEEDED, () -> AGENT.openCases(big));
        assertTrue(findByCustomer(live).getCase().isEmpty(), "nothing was written");
        CaseData blank = data(live, Priority.LOW);
        blank.setSubject("   ");
        assertFault(ErrorCode.VALIDATION, () -> AGENT.openCases(open(item("blank", blank))));
        GetCases many = new GetCases();
        for (int i = 0; i < 201; i++) {
            many.getId().add(UNKNOWN_ID + i);
        }
        assertFault(ErrorCode.LIMIT_EXCEEDED, () -> READONLY.getCases(many));
        assertFault(ErrorCode.VALIDATION, () -> READONLY.getCases(new GetCases()));
        UpdateCases updates = new UpdateCases();
        for (int i = 0; i < 201; i++) {
            updates.getCase().add(change(UNKNOWN_ID, null, c -> c.setSubject("x")));
        }
        assertFault(ErrorCode.LIMIT_EXCEEDED, () -> AGENT.updateCases(updates));
    }

    // ----- updateCases -----

    @Test
    void updateChangesOnlyWhatIsSentAndAPriorityChangeMovesTheDueTimes() throws Exception {
        long live = customer("Update " + uid());
        long id = openOne(AGENT, data(live, Priority.LOW));
        Case before = get(AGENT, id);
        UpdateCases u = new UpdateCases();
        u.getCase().add(change(id, 0L, c -> {
            c.setPriority(Priority.URGENT);
            c.setSubject("Printer on fire");
        }));
        ItemResult r = AGENT.updateCases(u).getResult().get(0);
        assertTrue(r.isSuccess(), () -> r.getError().toString());
        assertEquals(1L, r.getVersion());
        Case after = get(AGENT, id);
        assertEquals("Printer on fire", after.getData().getSubject());
        assertEquals(before.getData().getCategory(), after.getData().getCategory(), "unsent fields stay");
        assertEquals(Priority.URGENT, after.getData().getPriority());
        assertEquals(after.getOpenedAt().plusHours(1).toInstant(), after.getSla().getFirstResponseDueAt().toInstant());
        assertEquals(after.getOpenedAt().plusHours(4).toInstant(), after.getSla().getResolutionDueAt().toInstant());

        // stale version, unknown id, nothing to change, and a CLOSED case
        UpdateCases errors = new UpdateCases();
        errors.getCase().add(change(id, 0L, c -> c.setCategory("Stale")));
        errors.getCase().add(change(UNKNOWN_ID, null, c -> c.setCategory("Nobody")));
        errors.getCase().add(change(id, null, c -> { }));
        List<ItemResult> e = AGENT.updateCases(errors).getResult();
        assertError(e.get(0), ErrorCode.CONCURRENCY, "expectedVersion");
        assertError(e.get(1), ErrorCode.NOT_FOUND, "id");
        assertError(e.get(2), ErrorCode.VALIDATION, "case");
        assertEquals(1L, get(AGENT, id).getVersion(), "nothing changed");
        close(id, 1L);
        UpdateCases closed = new UpdateCases();
        closed.getCase().add(change(id, null, c -> c.setCategory("Too late")));
        assertError(AGENT.updateCases(closed).getResult().get(0), ErrorCode.INVALID_STATE, "id");
    }

    // ----- changeCaseStatus -----

    @Test
    void theWholeLifecycleAndItsSlaEffects() throws Exception {
        long id = openOne(AGENT, data(customer("Lifecycle " + uid()), Priority.HIGH));
        Case c = move(id, 0L, CaseStatus.OPEN, null);
        assertEquals(1L, c.getVersion());
        c = move(id, 1L, CaseStatus.PENDING, null);
        assertFalse(c.getSla().isClockRunning());
        OffsetDateTime dueWhilePending = c.getSla().getResolutionDueAt();
        Thread.sleep(1100);
        c = move(id, null, CaseStatus.OPEN, null);
        assertTrue(c.getSla().isClockRunning());
        assertTrue(Duration.between(dueWhilePending, c.getSla().getResolutionDueAt()).toMillis() >= 1000,
                "leaving PENDING moves the due time by the pause");
        c = move(id, null, CaseStatus.RESOLVED, "Replaced the toner");
        assertEquals("Replaced the toner", c.getResolutionNote());
        assertNotNull(c.getSla().getResolvedAt());
        assertNotNull(c.getSla().getFirstRespondedAt(), "a resolution is a response");
        c = move(id, null, CaseStatus.CLOSED, null);
        assertNotNull(c.getClosedAt());
        c = move(id, null, CaseStatus.REOPENED, null);
        assertNull(c.getClosedAt());
        assertNull(c.getSla().getResolvedAt());
        assertTrue(c.getSla().getResolutionDueAt().isAfter(OffsetDateTime.now().plusHours(23)), "a new resolution target");
        c = move(id, null, CaseStatus.OPEN, null);
        assertEquals(CaseStatus.OPEN, c.getStatus());
        assertEquals(7L, c.getVersion());
    }

    @Test
    void illegalMovesMissingNotesAndStaleVersionsAreFaults() throws Exception {
        long id = openOne(AGENT, data(customer("Illegal " + uid()), Priority.MEDIUM));
        CrmFaultDetail illegal = assertFault(ErrorCode.INVALID_STATE, () -> move(id, null, CaseStatus.RESOLVED, "Too early"));
        assertTrue(illegal.getMessage().contains("may move to: OPEN"), illegal.getMessage());
        assertFault(ErrorCode.INVALID_STATE, () -> move(id, null, CaseStatus.NEW, null));
        move(id, null, CaseStatus.OPEN, null);
        CrmFaultDetail note = assertFault(ErrorCode.VALIDATION, () -> move(id, null, CaseStatus.RESOLVED, null));
        assertEquals("resolutionNote", note.getField());
        assertFault(ErrorCode.VALIDATION, () -> move(id, null, CaseStatus.PENDING, "A note on the wrong move"));
        CrmFaultDetail stale = assertFault(ErrorCode.CONCURRENCY, () -> move(id, 0L, CaseStatus.PENDING, null));
        assertTrue(stale.isRetryable());
        assertFault(ErrorCode.NOT_FOUND, () -> move(UNKNOWN_ID, null, CaseStatus.OPEN, null));
        assertEquals(CaseStatus.OPEN, get(READONLY, id).getStatus());
    }

    // ----- SLA: overdue and first response -----

    @Test
    void overdueCasesAreFoundBySqlFilterAndPendingStopsTheClock() throws Exception {
        long live = customer("Overdue " + uid());
        long low = openOne(AGENT, data(live, Priority.LOW));        // 2 s / 3 s on the test server
        long paused = openOne(AGENT, data(live, Priority.LOW));
        long medium = openOne(AGENT, data(live, Priority.MEDIUM));
        move(paused, null, CaseStatus.OPEN, null);
        move(paused, null, CaseStatus.PENDING, null);
        Thread.sleep(3500);
        assertTrue(get(READONLY, low).getSla().isOverdue());
        assertFalse(get(READONLY, paused).getSla().isOverdue(), "the clock is stopped while pending");
        assertFalse(get(READONLY, medium).getSla().isOverdue());
        FindCases overdue = new FindCases();
        overdue.setCustomerId(live);
        overdue.setOverdue(true);
        assertEquals(List.of(low), ids(READONLY.findCases(overdue)));
        overdue.setOverdue(false);
        assertEquals(List.of(paused, medium), ids(READONLY.findCases(overdue)));
    }

    @Test
    void theFirstPublicCommentOfSomeoneElseIsTheFirstResponse() throws Exception {
        long id = openOne(AGENT, data(customer("Response " + uid()), Priority.HIGH));
        comment(AGENT, id, Visibility.PUBLIC, "Note to self by the opener");
        comment(ADMIN, id, Visibility.INTERNAL, "Internal remark");
        assertNull(get(AGENT, id).getSla().getFirstRespondedAt(), "neither the opener's nor an internal comment counts");
        Comment answer = comment(ADMIN, id, Visibility.PUBLIC, "We are on it");
        Case c = get(AGENT, id);
        assertEquals(answer.getCreatedAt().toInstant(), c.getSla().getFirstRespondedAt().toInstant());
        assertEquals(1L, c.getVersion(), "the response changed the case");
    }

    // ----- findCases -----

    @Test
    void findFiltersAndPagesWithSignedTokens() throws Exception {
        long live = customer("Find " + uid());
        String category = "Cat-" + uid();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            CaseData d = data(live, i == 0 ? Priority.HIGH : Priority.LOW);
            d.setCategory(category);
            ids.add(openOne(INTEGRATION, d));
        }
        String queue = "queue-" + uid();
        assign(ids.get(1), AssigneeKind.QUEUE, queue);
        FindCases byCategory = new FindCases();
        byCategory.setCategory(category);
        byCategory.setPageSize(2);
        FindCasesResponse first = READONLY.findCases(byCategory);
        assertEquals(ids.subList(0, 2), ids(first));
        assertNotNull(first.getNextPageToken());
        byCategory.setPageToken(first.getNextPageToken());
        FindCasesResponse second = READONLY.findCases(byCategory);
        assertEquals(ids.subList(2, 3), ids(second));
        assertNull(second.getNextPageToken());

        FindCases byAssignee = new FindCases();
        byAssignee.setAssignee(assignee(AssigneeKind.QUEUE, queue));
        assertEquals(List.of(ids.get(1)), ids(READONLY.findCases(byAssignee)));
        byAssignee.setAssignee(assignee(AssigneeKind.AGENT, queue));
        assertTrue(ids(READONLY.findCases(byAssignee)).isEmpty(), "the kind must match too");

        FindCases combined = new FindCases();
        combined.setCustomerId(live);
        combined.getPriority().add(Priority.HIGH);
        combined.getStatus().add(CaseStatus.NEW);
        combined.setOpenedFrom(OffsetDateTime.now().minusMinutes(5));
        combined.setUpdatedTo(OffsetDateTime.now().plusMinutes(5));
        assertEquals(List.of(ids.get(0)), ids(READONLY.findCases(combined)));
        combined.setOpenedTo(OffsetDateTime.now().minusMinutes(4));
        assertTrue(ids(READONLY.findCases(combined)).isEmpty());

        FindCases forged = new FindCases();
        forged.setCategory(category);
        forged.setPageToken(first.getNextPageToken() + "x");
        assertEquals("pageToken", assertFault(ErrorCode.VALIDATION, () -> READONLY.findCases(forged)).getField());
        FindCases otherFilter = new FindCases();
        otherFilter.setCategory(category + "-other");
        otherFilter.setPageToken(first.getNextPageToken());
        assertFault(ErrorCode.VALIDATION, () -> READONLY.findCases(otherFilter));
    }

    // ----- assignCase -----

    @Test
    void assignToAnAgentOrAQueue() throws Exception {
        long id = openOne(AGENT, data(customer("Assign " + uid()), Priority.MEDIUM));
        Case c = assign(id, AssigneeKind.AGENT, Clientele.AGENT);
        assertEquals(AssigneeKind.AGENT, c.getAssignee().getKind());
        assertEquals(Clientele.AGENT, c.getAssignee().getName());
        assertEquals(1L, c.getVersion());
        c = assign(id, AssigneeKind.QUEUE, "2nd-level");
        assertEquals(AssigneeKind.QUEUE, c.getAssignee().getKind());
        AssignCase stale = new AssignCase();
        stale.setCaseId(id);
        stale.setExpectedVersion(0L);
        stale.setAssignee(assignee(AssigneeKind.QUEUE, "x"));
        assertFault(ErrorCode.CONCURRENCY, () -> AGENT.assignCase(stale));
        stale.setCaseId(UNKNOWN_ID);
        stale.setExpectedVersion(null);
        assertFault(ErrorCode.NOT_FOUND, () -> AGENT.assignCase(stale));
        close(id, null);
        assertFault(ErrorCode.INVALID_STATE, () -> assign(id, AssigneeKind.QUEUE, "late"));
    }

    // ----- comments -----

    @Test
    void readonlyCallersNeverSeeInternalCommentsEvenAcrossPages() throws Exception {
        long id = openOne(AGENT, data(customer("Comments " + uid()), Priority.LOW));
        Comment p1 = comment(AGENT, id, Visibility.PUBLIC, "public 1");
        assertEquals(Clientele.AGENT, p1.getAuthor());
        assertEquals(Visibility.PUBLIC, p1.getVisibility());
        assertEquals(id, p1.getCaseId());
        comment(AGENT, id, Visibility.INTERNAL, "internal 1");
        comment(ADMIN, id, Visibility.INTERNAL, "internal 2");
        comment(ADMIN, id, Visibility.PUBLIC, "public 2");
        assertEquals(List.of("public 1", "internal 1", "internal 2", "public 2"), bodies(AGENT, id, 1000));
        assertEquals(List.of("public 1", "internal 1", "internal 2", "public 2"), bodies(INTEGRATION, id, 1000));
        // pages of one: the readonly caller's second page is the next PUBLIC comment, not an empty or internal one
        assertEquals(List.of("public 1", "public 2"), bodies(READONLY, id, 1));
        // a readonly token does not unlock internal comments for anyone else and vice versa
        ListCaseComments list = new ListCaseComments();
        list.setCaseId(id);
        list.setPageSize(1);
        String readonlyToken = READONLY.listCaseComments(list).getNextPageToken();
        list.setPageToken(readonlyToken);
        assertFault(ErrorCode.VALIDATION, () -> AGENT.listCaseComments(list));
        ListCaseComments unknown = new ListCaseComments();
        unknown.setCaseId(UNKNOWN_ID);
        assertFault(ErrorCode.NOT_FOUND, () -> READONLY.listCaseComments(unknown));
        assertFault(ErrorCode.NOT_FOUND, () -> comment(AGENT, UNKNOWN_ID, Visibility.PUBLIC, "nobody"));
        AddCaseComment blank = new AddCaseComment();
        blank.setCaseId(id);
        blank.setVisibility(Visibility.PUBLIC);
        blank.setBody(" ");
        assertFault(ErrorCode.VALIDATION, () -> AGENT.addCaseComment(blank));
        close(id, null);
        assertFault(ErrorCode.INVALID_STATE, () -> comment(AGENT, id, Visibility.PUBLIC, "after closing"));
    }

    // ----- attachments (MTOM) -----

    @Test
    void aFiveMebibyteAttachmentRoundTripsOverMtomWithItsSha256() throws Exception {
        long id = openOne(AGENT, data(customer("Attach " + uid()), Priority.LOW));
        byte[] bytes = new byte[5 * 1024 * 1024];
        new Random(42).nextBytes(bytes);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        CasePortType port = Clientele.cases(Clientele.AGENT);
        AtomicReference<String> contentType = recordResponseContentType(port);
        AttachmentInfo info = AGENT.addCaseAttachment(attachment(id, "scan.pdf", bytes)).getAttachment();
        assertEquals(sha, info.getSha256());
        assertEquals(bytes.length, info.getSize());
        assertEquals("scan.pdf", info.getFileName());
        assertEquals("application/pdf", info.getMediaType());
        assertEquals(Clientele.AGENT, info.getAddedBy());
        assertEquals(id, info.getCaseId());

        GetCaseAttachment get = new GetCaseAttachment();
        get.setAttachmentId(info.getId());
        GetCaseAttachmentResponse got = port.getCaseAttachment(get);
        assertEquals(sha, got.getAttachment().getSha256());
        byte[] back;
        try (InputStream in = got.getContent().getInputStream()) {
            back = in.readAllBytes();
        }
        assertArrayEquals(bytes, back);
        String type = contentType.get();
        assertTrue(type != null && type.startsWith("multipart/related") && type.contains("application/xop+xml"),
                "the response is MTOM/XOP: " + type);
        List<AttachmentInfo> listed = get(READONLY, id).getAttachment();
        assertEquals(1, listed.size());
        assertEquals(info.getId(), listed.get(0).getId());
        assertEquals(sha, listed.get(0).getSha256());
    }

    @Test
    void anElevenMebibyteAttachmentIsLimitExceededAndNothingIsStored() throws Exception {
        long id = openOne(AGENT, data(customer("TooBig " + uid()), Priority.LOW));
        byte[] bytes = new byte[11 * 1024 * 1024];
        CrmFaultDetail f = assertFault(ErrorCode.LIMIT_EXCEEDED, () -> AGENT.addCaseAttachment(attachment(id, "huge.bin", bytes)));
        assertEquals("content", f.getField());
        assertTrue(get(READONLY, id).getAttachment().isEmpty());
        // just at the limit is fine
        byte[] limit = new byte[10 * 1024 * 1024];
        assertEquals(limit.length, AGENT.addCaseAttachment(attachment(id, "limit.bin", limit)).getAttachment().getSize());
    }

    @Test
    void attachmentFaults() throws Exception {
        long id = openOne(AGENT, data(customer("AttachFaults " + uid()), Priority.LOW));
        assertFault(ErrorCode.NOT_FOUND, () -> AGENT.addCaseAttachment(attachment(UNKNOWN_ID, "a.txt", new byte[1])));
        GetCaseAttachment get = new GetCaseAttachment();
        get.setAttachmentId(UNKNOWN_ID);
        assertFault(ErrorCode.NOT_FOUND, () -> READONLY.getCaseAttachment(get));
        AddCaseAttachment badName = attachment(id, "../etc/passwd", new byte[1]);
        assertFault(ErrorCode.VALIDATION, () -> AGENT.addCaseAttachment(badName));
        assertFault(ErrorCode.NOT_AUTHORIZED, () -> INTEGRATION.addCaseAttachment(attachment(id, "a.txt", new byte[1])));
        assertFault(ErrorCode.NOT_AUTHORIZED, () -> MARKETING.getCaseAttachment(get));
        close(id, null);
        assertFault(ErrorCode.INVALID_STATE, () -> AGENT.addCaseAttachment(attachment(id, "late.txt", new byte[1])));
    }

    @Test
    void aPlainSoapClientSendsAndReceivesContentInlineWithoutMtom() throws Exception {
        long id = openOne(AGENT, data(customer("Raw " + uid()), Priority.LOW));
        String body = "<cs:addCaseAttachment xmlns:cs=\"urn:clientele:crm:case:v1\"><cs:caseId>" + id + "</cs:caseId>"
                + "<cs:fileName>hello.txt</cs:fileName><cs:mediaType>text/plain</cs:mediaType>"
                + "<cs:content>SGVsbG8=</cs:content></cs:addCaseAttachment>";
        java.net.http.HttpResponse<String> r = RawSoap.post("/clientele/CaseService", "\"urn:clientele:CaseService:addCaseAttachment\"",
                RawSoap.envelope(RawSoap.security().user(Clientele.AGENT), body));
        assertEquals(200, r.statusCode(), r::body);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"), "no MTOM for a plain request");
        assertTrue(r.body().contains("185f8db32271fe25f561a6fc938b2e264306ec304eda518007d1764826381969"), r.body());
        long attachmentId = get(READONLY, id).getAttachment().get(0).getId();
        assertEquals(5L, get(READONLY, id).getAttachment().get(0).getSize());
        java.net.http.HttpResponse<String> back = RawSoap.post("/clientele/CaseService", "\"urn:clientele:CaseService:getCaseAttachment\"",
                RawSoap.envelope(RawSoap.security().user(Clientele.READONLY),
                        "<cs:getCaseAttachment xmlns:cs=\"urn:clientele:crm:case:v1\"><cs:attachmentId>" + attachmentId
                                + "</cs:attachmentId></cs:getCaseAttachment>"));
        assertTrue(back.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"), back.body());
        assertTrue(back.body().contains(">SGVsbG8=</"), "the content inline as base64: " + back.body());
        java.net.http.HttpResponse<String> fault = RawSoap.post("/clientele/CaseService", "\"urn:clientele:CaseService:getCaseAttachment\"",
                RawSoap.envelope(RawSoap.security().user(Clientele.READONLY),
                        "<cs:getCaseAttachment xmlns:cs=\"urn:clientele:crm:case:v1\"><cs:attachmentId>" + UNKNOWN_ID
                                + "</cs:attachmentId></cs:getCaseAttachment>"));
        assertEquals(500, fault.statusCode());
        assertTrue(fault.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"), "faults too");
        assertTrue(fault.body().contains("NOT_FOUND"), fault.body());
    }

    // ----- roles -----

    @Test
    void rolesDecideWhoMayDoWhat() throws Exception {
        long live = customer("Roles " + uid());
        long id = openOne(INTEGRATION, data(live, Priority.LOW));
        openOne(ADMIN, data(live, Priority.LOW));
        GetCases get = new GetCases();
        get.getId().add(id);
        for (CasePortType reader : List.of(ADMIN, AGENT, INTEGRATION, READONLY)) {
            assertEquals(id, reader.getCases(get).getLookup().get(0).getCase().getId());
        }
        ListCaseComments list = new ListCaseComments();
        list.setCaseId(id);
        FindCases find = new FindCases();
        find.setCustomerId(live);
        UpdateCases update = new UpdateCases();
        update.getCase().add(change(id, null, c -> c.setCategory("Nope")));
        List<Executable> marketing = List.of(() -> MARKETING.openCases(open(item("m", data(live, Priority.LOW)))),
                () -> MARKETING.getCases(get), () -> MARKETING.findCases(find), () -> MARKETING.updateCases(update),
                () -> move(MARKETING, id, CaseStatus.OPEN), () -> MARKETING.listCaseComments(list),
                () -> comment(MARKETING, id, Visibility.PUBLIC, "m"));
        for (Executable call : marketing) {
            assertFault(ErrorCode.NOT_AUTHORIZED, call);
        }
        for (CasePortType notWriter : List.of(READONLY, INTEGRATION)) {
            assertFault(ErrorCode.NOT_AUTHORIZED, () -> notWriter.updateCases(update));
            assertFault(ErrorCode.NOT_AUTHORIZED, () -> move(notWriter, id, CaseStatus.OPEN));
            assertFault(ErrorCode.NOT_AUTHORIZED, () -> comment(notWriter, id, Visibility.PUBLIC, "no"));
            AssignCase assign = new AssignCase();
            assign.setCaseId(id);
            assign.setAssignee(assignee(AssigneeKind.QUEUE, "q"));
            assertFault(ErrorCode.NOT_AUTHORIZED, () -> notWriter.assignCase(assign));
        }
        assertFault(ErrorCode.NOT_AUTHORIZED, () -> READONLY.openCases(open(item("r", data(live, Priority.LOW)))));
        assertEquals(0L, get(ADMIN, id).getVersion(), "no refused call changed the case");
        assertEquals(2, findByCustomer(live).getCase().size());
    }

    // ----- idempotency -----

    @Test
    void retriesWithAnIdempotencyKeyReplayAndAnotherRequestIsAConflict() throws Exception {
        long live = customer("Idem " + uid());
        String key = "case-" + uid();
        CasePortType port = withKey(Clientele.cases(Clientele.AGENT), key);
        OpenCases request = open(item("a", data(live, Priority.LOW)), item("b", data(live, Priority.HIGH)));
        List<OpenCaseResult> first = port.openCases(request).getResult();
        assertEquals("false", replayed(port));
        List<OpenCaseResult> retry = port.openCases(request).getResult();
        assertEquals("true", replayed(port));
        assertEquals(first.stream().map(ItemResult::getId).toList(), retry.stream().map(ItemResult::getId).toList());
        assertEquals(first.get(0).getNumber(), retry.get(0).getNumber());
        assertEquals(2, findByCustomer(live).getCase().size(), "the retry opened nothing");
        CrmFaultDetail conflict = assertFault(ErrorCode.IDEMPOTENCY_CONFLICT,
                () -> port.openCases(open(item("c", data(live, Priority.URGENT)))));
        assertEquals("idempotencyKey", conflict.getField());

        // single-case writes replay too: the status moves once
        long id = first.get(0).getId();
        CasePortType movePort = withKey(Clientele.cases(Clientele.AGENT), "move-" + uid());
        ChangeCaseStatus open = new ChangeCaseStatus();
        open.setCaseId(id);
        open.setStatus(CaseStatus.OPEN);
        assertEquals(1L, movePort.changeCaseStatus(open).getCase().getVersion());
        assertEquals(1L, movePort.changeCaseStatus(open).getCase().getVersion());
        assertEquals("true", replayed(movePort));
        // an attachment retried with the same key is stored once
        CasePortType attachPort = withKey(Clientele.cases(Clientele.AGENT), "attach-" + uid());
        long a1 = attachPort.addCaseAttachment(attachment(id, "once.txt", new byte[] {1, 2, 3})).getAttachment().getId();
        long a2 = attachPort.addCaseAttachment(attachment(id, "once.txt", new byte[] {1, 2, 3})).getAttachment().getId();
        assertEquals(a1, a2);
        assertEquals(1, get(READONLY, id).getAttachment().size());
        assertFault(ErrorCode.IDEMPOTENCY_CONFLICT, () -> attachPort.addCaseAttachment(attachment(id, "once.txt", new byte[] {9})));
    }

    // ----- merge and the change feed -----

    @Test
    void aMergeMovesTheDuplicatesCasesAndEveryWriteIsInTheFeed() throws Exception {
        SyncPortType sync = SyncClients.sync(Clientele.READONLY);
        String cursor = sync.getLatestCursor(new GetLatestCursor()).getCursor();
        long master = customer("FeedMaster " + uid());
        long duplicate = customer("FeedDuplicate " + uid());
        long id = openOne(AGENT, data(duplicate, Priority.MEDIUM));
        move(id, 0L, CaseStatus.OPEN, null);
        long commentId = comment(AGENT, id, Visibility.INTERNAL, "feed").getId();
        long attachmentId = AGENT.addCaseAttachment(attachment(id, "feed.txt", new byte[] {1})).getAttachment().getId();
        merge(master, duplicate);
        Case moved = get(READONLY, id);
        assertEquals(master, moved.getData().getCustomerId());
        assertEquals(2L, moved.getVersion(), "the move is a change of the case");
        assertEquals(List.of(id), ids(findByCustomer(master)));
        assertTrue(findByCustomer(duplicate).getCase().isEmpty());

        List<Change> changes = SyncIT.drain(sync, cursor, seen -> seen.stream().anyMatch(c -> c.getEntityType() == EntityType.CASE
                && c.getEntityId() == id && c.getEntityVersion() == 2L));
        List<String> mine = changes.stream()
                .filter(c -> (c.getEntityType() == EntityType.CASE && c.getEntityId() == id)
                        || (c.getEntityType() == EntityType.CASE_COMMENT && c.getEntityId() == commentId)
                        || (c.getEntityType() == EntityType.CASE_ATTACHMENT && c.getEntityId() == attachmentId))
                .map(c -> c.getEntityType() + " " + c.getOperation() + " v" + c.getEntityVersion()).toList();
        assertEquals(List.of("CASE CREATED v0", "CASE UPDATED v1", "CASE_COMMENT CREATED v0", "CASE_ATTACHMENT CREATED v0",
                "CASE UPDATED v2"), mine);
        Change merged = changes.stream().filter(c -> c.getEntityType() == EntityType.CASE && c.getEntityId() == id
                && c.getEntityVersion() == 2L).findFirst().orElseThrow();
        assertEquals(Operation.UPDATED, merged.getOperation());
        assertEquals(Clientele.INTEGRATION, merged.getPrincipal(), "the merging user");
    }

    // ----- SOAP 1.2 -----

    @Test
    void theSoap12PortServesTheSameOperations() throws Exception {
        CasePortType port = Clientele.cases12(Clientele.AGENT);
        long live = customer("Soap12 " + uid());
        OpenCaseResult r = port.openCases(open(item("s", data(live, Priority.HIGH)))).getResult().get(0);
        assertTrue(r.isSuccess());
        GetCases get = new GetCases();
        get.getNumber().add(r.getNumber());
        assertEquals(r.getId(), port.getCases(get).getLookup().get(0).getCase().getId());
        byte[] bytes = new byte[300_000];
        new Random(7).nextBytes(bytes);
        long a = port.addCaseAttachment(attachment(r.getId(), "s12.bin", bytes)).getAttachment().getId();
        GetCaseAttachment ga = new GetCaseAttachment();
        ga.setAttachmentId(a);
        try (InputStream in = port.getCaseAttachment(ga).getContent().getInputStream()) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
        ChangeCaseStatus bad = new ChangeCaseStatus();
        bad.setCaseId(r.getId());
        bad.setStatus(CaseStatus.CLOSED);
        CrmFault f = assertThrows(CrmFault.class, () -> port.changeCaseStatus(bad));
        assertEquals(ErrorCode.INVALID_STATE, f.getFaultInfo().getCode());
    }

    // ----- helpers -----

    static String uid() {
        return UUID.randomUUID().toString().substring(0, 13);
    }

    static long customer(String name) throws Exception {
        CreateCustomers create = new CreateCustomers();
        create.getCustomer().add(SyncIT.item(name));
        ItemResult r = CUSTOMERS.createCustomers(create).getResult().get(0);
        assertTrue(r.isSuccess(), () -> r.getError().toString());
        return r.getId();
    }

    /** A customer with one contact: {customer id, contact id}. */
    static long[] customerWithContact(String name) throws Exception {
        NewCustomer item = SyncIT.item(name);
        Contact contact = new Contact();
        contact.setLastName("Mustermann");
        item.getData().getContact().add(contact);
        CreateCustomers create = new CreateCustomers();
        create.getCustomer().add(item);
        long id = CUSTOMERS.createCustomers(create).getResult().get(0).getId();
        GetCustomers get = new GetCustomers();
        get.getId().add(id);
        return new long[] {id, CUSTOMERS.getCustomers(get).getLookup().get(0).getCustomer().getData().getContact().get(0).getId()};
    }

    static void merge(long master, long duplicate) throws Exception {
        MergeCustomers merge = new MergeCustomers();
        merge.setMasterId(master);
        merge.getDuplicateId().add(duplicate);
        CUSTOMERS.mergeCustomers(merge);
    }

    static CustomerRef ref(long id) {
        CustomerRef r = new CustomerRef();
        r.setId(id);
        return r;
    }

    static CaseData data(long customerId, Priority priority) {
        CaseData d = new CaseData();
        d.setCustomerId(customerId);
        d.setSubject("Case " + uid());
        d.setPriority(priority);
        d.setChannel(Channel.EMAIL);
        d.setCategory("Billing");
        return d;
    }

    static NewCase item(String ref, CaseData d) {
        NewCase n = new NewCase();
        n.setClientRef(ref);
        n.setData(d);
        return n;
    }

    static OpenCases open(NewCase... items) {
        OpenCases o = new OpenCases();
        o.getCase().addAll(List.of(items));
        return o;
    }

    static long openOne(CasePortType port, CaseData d) throws Exception {
        OpenCaseResult r = port.openCases(open(item("one", d))).getResult().get(0);
        assertTrue(r.isSuccess(), () -> r.getError().get(0).getCode() + ": " + r.getError().get(0).getMessage());
        return r.getId();
    }

    static Case get(CasePortType port, long id) throws Exception {
        GetCases get = new GetCases();
        get.getId().add(id);
        Case c = port.getCases(get).getLookup().get(0).getCase();
        assertNotNull(c, "case " + id);
        return c;
    }

    static FindCasesResponse findByCustomer(long customerId) throws Exception {
        FindCases f = new FindCases();
        f.setCustomerId(customerId);
        return READONLY.findCases(f);
    }

    static List<Long> ids(FindCasesResponse r) {
        return r.getCase().stream().map(Case::getId).toList();
    }

    static List<Long> caseCustomers(FindCasesResponse r) {
        return r.getCase().stream().map(c -> c.getData().getCustomerId()).toList();
    }

    /** A call that may throw a CrmFault. */
    interface Call {
        void run() throws Exception;
    }

    interface ChangeSetter {
        void set(CaseChange c);
    }

    static CaseChange change(long id, Long expectedVersion, ChangeSetter setter) {
        CaseChange c = new CaseChange();
        c.setClientRef("u" + id);
        c.setId(id);
        c.setExpectedVersion(expectedVersion);
        setter.set(c);
        return c;
    }

    static Case move(long id, Long expectedVersion, CaseStatus status, String note) throws Exception {
        ChangeCaseStatus m = new ChangeCaseStatus();
        m.setCaseId(id);
        m.setExpectedVersion(expectedVersion);
        m.setStatus(status);
        m.setResolutionNote(note);
        Case c = AGENT.changeCaseStatus(m).getCase();
        assertEquals(status, c.getStatus());
        return c;
    }

    static void move(CasePortType port, long id, CaseStatus status) throws Exception {
        ChangeCaseStatus m = new ChangeCaseStatus();
        m.setCaseId(id);
        m.setStatus(status);
        port.changeCaseStatus(m);
    }

    /** Takes the case through OPEN and RESOLVED to CLOSED. */
    static void close(long id, Long expectedVersion) throws Exception {
        Case c = get(AGENT, id);
        if (c.getStatus() == CaseStatus.NEW) {
            move(id, expectedVersion, CaseStatus.OPEN, null);
        }
        move(id, null, CaseStatus.RESOLVED, "Done");
        move(id, null, CaseStatus.CLOSED, null);
    }

    static Assignee assignee(AssigneeKind kind, String name) {
        Assignee a = new Assignee();
        a.setKind(kind);
        a.setName(name);
        return a;
    }

    static Case assign(long id, AssigneeKind kind, String name) throws Exception {
        AssignCase a = new AssignCase();
        a.setCaseId(id);
        a.setAssignee(assignee(kind, name));
        return AGENT.assignCase(a).getCase();
    }

    static Comment comment(CasePortType port, long caseId, Visibility visibility, String body) throws Exception {
        AddCaseComment a = new AddCaseComment();
        a.setCaseId(caseId);
        a.setVisibility(visibility);
        a.setBody(body);
        Comment c = port.addCaseComment(a).getComment();
        assertEquals(body, c.getBody());
        return c;
    }

    /** Every comment body the caller sees, reading pages of the given size. */
    static List<String> bodies(CasePortType port, long caseId, int pageSize) throws Exception {
        List<String> bodies = new ArrayList<>();
        ListCaseComments list = new ListCaseComments();
        list.setCaseId(caseId);
        list.setPageSize(pageSize);
        do {
            ListCaseCommentsResponse page = port.listCaseComments(list);
            page.getComment().forEach(c -> bodies.add(c.getBody()));
            assertTrue(page.getComment().size() <= pageSize);
            list.setPageToken(page.getNextPageToken());
        } while (list.getPageToken() != null);
        return bodies;
    }

    static AddCaseAttachment attachment(long caseId, String fileName, byte[] bytes) {
        AddCaseAttachment a = new AddCaseAttachment();
        a.setCaseId(caseId);
        a.setFileName(fileName);
        a.setMediaType("application/pdf");
        a.setContent(new DataHandler(new DataSource() {
            @Override
            public InputStream getInputStream() {
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public OutputStream getOutputStream() throws IOException {
                throw new IOException("read-only");
            }

            @Override
            public String getContentType() {
                return "application/octet-stream";
            }

            @Override
            public String getName() {
                return fileName;
            }
        }));
        return a;
    }

    /** Records the Content-Type of every response the port receives. */
    static AtomicReference<String> recordResponseContentType(CasePortType port) {
        AtomicReference<String> type = new AtomicReference<>();
        ClientProxy.getClient(port).getInInterceptors().add(new AbstractPhaseInterceptor<Message>(Phase.RECEIVE) {
            @Override
            public void handleMessage(Message message) {
                type.set((String) message.get(Message.CONTENT_TYPE));
            }
        });
        return type;
    }

    static void assertError(ItemResult r, ErrorCode code, String field) {
        assertFalse(r.isSuccess());
        assertEquals(1, r.getError().size(), () -> r.getError().toString());
        assertEquals(code, r.getError().get(0).getCode(), () -> r.getError().get(0).getMessage());
        if (field != null) {
            assertEquals(field, r.getError().get(0).getField());
        }
        assertNull(r.getId());
    }

    static CrmFaultDetail assertFault(ErrorCode code, Executable call) {
        CrmFault f = assertThrows(CrmFault.class, call);
        assertEquals(code, f.getFaultInfo().getCode(), () -> f.getFaultInfo().getMessage());
        return f.getFaultInfo();
    }

    static CasePortType withKey(CasePortType port, String key) throws Exception {
        Document doc = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
        Element context = doc.createElementNS(COMMON_NS, "c:RequestContext");
        Element k = doc.createElementNS(COMMON_NS, "c:idempotencyKey");
        k.setTextContent(key);
        context.appendChild(k);
        List<Header> headers = new ArrayList<>();
        headers.add(new Header(new QName(COMMON_NS, "RequestContext"), context));
        ((BindingProvider) port).getRequestContext().put(Header.HEADER_LIST, headers);
        return port;
    }

    static String replayed(CasePortType port) {
        Client client = ClientProxy.getClient(port);
        Object headers = client.getResponseContext().get(Header.HEADER_LIST);
        if (headers instanceof List<?> list) {
            for (Object h : list) {
                if (h instanceof Header header && header.getName().equals(new QName(COMMON_NS, "ResponseContext"))
                        && header.getObject() instanceof Element e) {
                    return e.getElementsByTagNameNS(COMMON_NS, "replayed").item(0).getTextContent();
                }
            }
        }
        throw new AssertionError("the response has no ResponseContext header");
    }
}
