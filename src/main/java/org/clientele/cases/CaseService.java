package org.clientele.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.clientele.customer.Contact;
import org.clientele.customer.Customer;
import org.clientele.customer.CustomerRepository;
import org.clientele.customer.CustomersMerged;
import org.clientele.customer.Page;
import org.clientele.platform.BatchExecutor;
import org.clientele.platform.Caller;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;
import org.clientele.platform.ItemOutcome;
import org.clientele.platform.Limits;
import org.clientele.platform.PageTokens;
import org.clientele.platform.Role;
import org.clientele.platform.ServerSecrets;
import org.clientele.sync.ChangeLog;
import org.clientele.sync.ChangeRecord.EntityType;
import org.clientele.sync.ChangeRecord.Operation;

/**
 * The case use cases: opening cases in batches, reads and search, updates, the lifecycle, assignment, comments and
 * attachments, with the SLA clock, the change feed, idempotency and the role rules. Cases follow customer merges.
 */
@ApplicationScoped
public class CaseService {
    private static final Logger LOG = Logger.getLogger(CaseService.class.getName());

    /** Roles that may open cases. */
    private static final Role[] OPENERS = {Role.AGENT, Role.INTEGRATION};
    /** Roles that may change cases (crm-admin may do everything). */
    private static final Role[] WRITERS = {Role.AGENT};
    /** Roles that may read cases. */
    private static final Role[] READERS = {Role.AGENT, Role.INTEGRATION, Role.READONLY};
    /** Roles that see INTERNAL comments: everyone who may read cases except crm-readonly. */
    private static final Role[] STAFF = {Role.ADMIN, Role.AGENT, Role.INTEGRATION};

    @Inject
    CaseRepository repository;

    @Inject
    CustomerRepository customers;

    @Inject
    BatchExecutor batches;

    @Inject
    ServerSecrets secrets;

    @Inject
    ChangeLog changeLog;


    private volatile SlaClock sla;
    private volatile long maxAttachmentBytes;

    /** An updateCases item: only the non-null fields change. */
    public record Change(long id, Long expectedVersion, String subject, String description, boolean clearDescription,
                         SupportCase.Priority priority, String category) {
    }

    /** The outcome of one getCases lookup: the case, or null when not found. */
    public record Lookup(Long id, String number, SupportCase found) {
    }

    /** A case with the metadata of its attachments. */
    public record View(SupportCase c, List<CaseAttachment> attachments, boolean overdue) {
    }

    /** An attachment with its bytes. */
    public record Download(CaseAttachment attachment, byte[] content) {
    }

    /** Reads and checks the SLA targets and the attachment limit when the application starts, so a typo fails the deployment. */
    public void validateConfiguration(@Observes @Initialized(ApplicationScoped.class) Object started) {
        configure();
        LOG.info("Case SLA targets (first response/resolution): " + SlaPolicy.fromSystemProperties()
                + "; attachment limit " + maxAttachmentBytes + " bytes");
    }

    private void configure() {
        if (sla == null) {
            sla = new SlaClock(SlaPolicy.fromSystemProperties(), Clock.systemUTC());
            maxAttachmentBytes = BoundedContent.maxBytes();
        }
    }

    SlaClock sla() {
        configure();
        return sla;
    }

    /** The attachment size limit in bytes. */
    public long maxAttachmentBytes() {
        configure();
        return maxAttachmentBytes;
    }

    // ----- writes -----

    public List<ItemOutcome> open(Caller caller, List<CaseDraft> drafts, boolean allOrNone) {
        caller.require("openCases", OPENERS);
        SlaClock clock = sla();
        return batches.execute("case", drafts, allOrNone, d -> {
            CaseRules.validate(d);
            Customer customer = customers.find(d.customerId());
            if (customer == null) {
                throw new CrmException(ErrorCode.NOT_FOUND, "Customer " + d.customerId() + " does not exist", "customerId");
            }
            if (customer.getMergedInto() != null) {
                throw new CrmException(ErrorCode.INVALID_STATE, "Customer " + customer.getId() + " was merged into "
                        + customer.getMergedInto() + "; open the case for " + customer.getMergedInto(), "customerId");
            }
            if (customer.isDeleted()) {
                throw new CrmException(ErrorCode.INVALID_STATE,
                        "Customer " + customer.getId() + " is in the recycle bin; no case can be opened for it", "customerId");
            }
            if (d.contactId() != null) {
                Contact contact = customers.findContact(d.contactId());
                if (contact == null || !contact.getCustomer().getId().equals(customer.getId())) {
                    throw CrmException.validation("contactId",
                            "Contact " + d.contactId() + " is not a contact of customer " + customer.getId());
                }
            }
            Instant now = clock.now();
            String number = String.format("CS-%d-%06d", now.atZone(ZoneOffset.UTC).getYear(), repository.nextCaseNumber());
            SupportCase c = new SupportCase(number, customer.getId(), d.contactId(), d.subject(), d.description(),
                    d.priority(), d.channel(), d.category(), d.externalReference(), caller.principal());
            clock.start(c, now);
            c.touch(now, caller.principal());
            repository.add(c);
            changeLog.append(caller, EntityType.CASE, c.getId(), Operation.CREATED, c.getVersion(), null);
            return ItemOutcome.applied(c.getId(), c.getVersion());
        });
    }

    public List<ItemOutcome> update(Caller caller, List<Change> changes, boolean allOrNone) {
        caller.require("updateCases", WRITERS);
        SlaClock clock = sla();
        return batches.execute("case", changes, allOrNone, ch -> {
            if (ch.subject() == null && ch.description() == null && !ch.clearDescription() && ch.priority() == null
                    && ch.category() == null) {
                throw CrmException.validation("case", "Send at least one of subject, description, priority, category");
            }
            if (ch.subject() != null) {
                CaseRules.text("subject", ch.subject(), 200, true);
            }
            if (ch.description() != null) {
                CaseRules.text("description", ch.description(), 10000, false);
            }
            if (ch.category() != null) {
                CaseRules.text("category", ch.category(), 100, true);
            }
            SupportCase c = existing(ch.id(), "id");
            checkVersion(c, ch.expectedVersion());
            notClosed(c, "changed", "id");
            if (ch.subject() != null) {
                c.setSubject(ch.subject());
            }
            if (ch.description() != null || ch.clearDescription()) {
                c.setDescription(ch.description());
            }
            if (ch.category() != null) {
                c.setCategory(ch.category());
            }
            if (ch.priority() != null && ch.priority() != c.getPriority()) {
                c.setPriority(ch.priority());
                clock.priorityChanged(c);
            }
            c.touch(clock.now(), caller.principal());
            repository.flush();
            changeLog.append(caller, EntityType.CASE, c.getId(), Operation.UPDATED, c.getVersion(), null);
            return ItemOutcome.applied(c.getId(), c.getVersion());
        });
    }

    @Transactional
    public ItemOutcome changeStatus(Caller caller, long caseId, Long expectedVersion, CaseStatus target, String resolutionNote) {
        caller.require("changeCaseStatus", WRITERS);
        if (target == null) {
            throw CrmException.validation("status", "status is required");
        }
        SupportCase c = existing(caseId, "caseId");
        checkVersion(c, expectedVersion);
        CaseStatus from = c.getStatus();
        from.checkMoveTo(target);
        boolean hasNote = resolutionNote != null && !resolutionNote.isBlank();
        if (target == CaseStatus.RESOLVED && !hasNote) {
            throw CrmException.validation("resolutionNote", "A resolutionNote is required to resolve a case");
        }
        if (target != CaseStatus.RESOLVED && hasNote) {
            throw CrmException.validation("resolutionNote", "A resolutionNote is only taken when the case is resolved");
        }
        if (hasNote) {
            CaseRules.text("resolutionNote", resolutionNote, 4000, true);
            c.setResolutionNote(resolutionNote);
        }
        SlaClock clock = sla();
        Instant now = clock.now();
        clock.moved(c, from, target, now);
        c.setStatus(target);
        c.setClosedAt(target == CaseStatus.CLOSED ? now : null);
        c.touch(now, caller.principal());
        return recorded(caller, c);
    }

    @Transactional
    public ItemOutcome assign(Caller caller, long caseId, Long expectedVersion, SupportCase.AssigneeKind kind, String name) {
        caller.require("assignCase", WRITERS);
        if (kind == null) {
            throw CrmException.validation("assignee.kind", "assignee kind is required");
        }
        CaseRules.text("assignee.name", name, 100, true);
        SupportCase c = existing(caseId, "caseId");
        checkVersion(c, expectedVersion);
        notClosed(c, "assigned", "caseId");
        c.assign(kind, name);
        c.touch(sla().now(), caller.principal());
        return recorded(caller, c);
    }

    @Transactional
    public ItemOutcome comment(Caller caller, long caseId, CaseComment.Visibility visibility, String body) {
        caller.require("addCaseComment", WRITERS);
        if (visibility == null) {
            throw CrmException.validation("visibility", "visibility is required");
        }
        CaseRules.text("body", body, 10000, true);
        SupportCase c = existing(caseId, "caseId");
        notClosed(c, "commented", "caseId");
        SlaClock clock = sla();
        Instant now = clock.now();
        CaseComment m = new CaseComment(c.getId(), visibility, body, caller.principal(), now);
        repository.add(m);
        changeLog.append(caller, EntityType.CASE_COMMENT, m.getId(), Operation.CREATED, m.getVersion(), null);
        // the first public answer by someone other than the opener is the case's first response
        if (visibility == CaseComment.Visibility.PUBLIC && !caller.principal().equals(c.getOpenedBy()) && clock.responded(c, now)) {
            c.touch(now, caller.principal());
            repository.flush();
            changeLog.append(caller, EntityType.CASE, c.getId(), Operation.UPDATED, c.getVersion(), null);
        }
        ItemOutcome outcome = ItemOutcome.applied(m.getId(), m.getVersion());
        return outcome;
    }

    /** Fails with NOT_AUTHORIZED before an upload is read when the caller may not add attachments. */
    public void mayAttach(Caller caller) {
        caller.require("addCaseAttachment", WRITERS);
    }

    @Transactional
    public ItemOutcome attach(Caller caller, long caseId, String fileName, String mediaType, BoundedContent content) {
        mayAttach(caller);
        CaseRules.text("fileName", fileName, 255, true);
        CaseRules.text("mediaType", mediaType, 100, true);
        if (content.bytes().length > maxAttachmentBytes()) {
            throw new CrmException(ErrorCode.LIMIT_EXCEEDED, "An attachment may have at most " + maxAttachmentBytes()
                    + " bytes; this one has " + content.bytes().length + ". Nothing was stored.", "content");
        }
        SupportCase c = existing(caseId, "caseId");
        notClosed(c, "given attachments", "caseId");
        CaseAttachment a = new CaseAttachment(c.getId(), fileName, mediaType, content.bytes().length, content.sha256(),
                caller.principal(), sla().now());
        repository.add(a);
        repository.add(new CaseAttachmentContent(a.getId(), content.bytes()));
        changeLog.append(caller, EntityType.CASE_ATTACHMENT, a.getId(), Operation.CREATED, a.getVersion(), null);
        ItemOutcome outcome = ItemOutcome.applied(a.getId(), a.getVersion());
        return outcome;
    }

    /**
     * Cases follow a customer merge: inside the merge transaction, the duplicates' cases move to the master (their
     * versions grow) and each gets a CASE UPDATED change, so the merge stays all or nothing.
     */
    public void onMerge(@Observes CustomersMerged event) {
        Instant now = sla().now();
        for (Object[] moved : repository.moveCases(event.duplicateIds(), event.masterId(), now, event.caller().principal())) {
            changeLog.append(event.caller(), EntityType.CASE, ((Number) moved[0]).longValue(), Operation.UPDATED,
                    ((Number) moved[1]).longValue(), null);
        }
    }

    // ----- reads -----

    @Transactional
    public List<Lookup> get(Caller caller, List<Long> ids, List<String> numbers) {
        caller.require("getCases", READERS);
        int n = ids.size() + numbers.size();
        if (n == 0) {
            throw CrmException.validation("id", "Give at least one id or number");
        }
        if (n > Limits.MAX_BATCH_ITEMS) {
            throw new CrmException(ErrorCode.LIMIT_EXCEEDED,
                    "At most " + Limits.MAX_BATCH_ITEMS + " ids and numbers per call; got " + n, "id");
        }
        Map<Long, SupportCase> byId = repository.findAll(ids);
        Map<String, SupportCase> byNumber = repository.findByNumbers(numbers);
        List<Lookup> result = new ArrayList<>(n);
        ids.forEach(id -> result.add(new Lookup(id, null, byId.get(id))));
        numbers.forEach(num -> result.add(new Lookup(null, num, byNumber.get(num))));
        return result;
    }

    /** The cases with their attachment metadata and overdue flag, as of now. */
    @Transactional
    public List<View> views(List<SupportCase> cases) {
        Instant now = sla().now();
        LinkedHashSet<Long> ids = new LinkedHashSet<>();
        cases.forEach(c -> ids.add(c.getId()));
        Map<Long, List<CaseAttachment>> attachments = repository.attachmentsOf(ids);
        return cases.stream().map(c -> new View(c, attachments.getOrDefault(c.getId(), List.of()),
                SlaClock.overdue(c, now))).toList();
    }

    /** The cases with the given ids as they are now, keyed by id (missing ids are left out). */
    @Transactional
    public Map<Long, View> viewsOf(List<Long> ids) {
        Map<Long, SupportCase> found = repository.findAll(ids);
        Map<Long, View> result = new java.util.HashMap<>();
        views(new ArrayList<>(found.values())).forEach(v -> result.put(v.c().getId(), v));
        return result;
    }

    /** A case as it is now (the response of single-case writes, also when they are replayed). */
    @Transactional
    public View current(long caseId) {
        return views(List.of(existing(caseId, "caseId"))).get(0);
    }

    @Transactional
    public CaseComment currentComment(long commentId) {
        CaseComment m = repository.findComment(commentId);
        if (m == null) {
            throw CrmException.notFound("Comment", commentId);
        }
        return m;
    }

    @Transactional
    public CaseAttachment currentAttachment(long attachmentId) {
        CaseAttachment a = repository.findAttachment(attachmentId);
        if (a == null) {
            throw CrmException.notFound("Attachment", attachmentId);
        }
        return a;
    }

    @Transactional
    public Page<View> find(Caller caller, CaseQuery query, Integer pageSize, String pageToken) {
        caller.require("findCases", READERS);
        if ((query.assigneeKind() == null) != (query.assigneeName() == null)) {
            throw CrmException.validation("assignee", "An assignee filter needs kind and name");
        }
        int size = Limits.pageSize(pageSize);
        PageTokens tokens = secrets.pageTokens();
        long after = 0;
        if (pageToken != null) {
            after = parseLong(tokens.decode(pageToken, "cases", query.canonical(), 1).get(0));
        }
        List<SupportCase> rows = repository.find(query, sla().now(), after, size + 1);
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            next = tokens.encode("cases", query.canonical(), List.of(String.valueOf(rows.get(size - 1).getId())));
        }
        return new Page<>(views(new ArrayList<>(rows)), next);
    }

    @Transactional
    public Page<CaseComment> comments(Caller caller, long caseId, Integer pageSize, String pageToken) {
        caller.require("listCaseComments", READERS);
        int size = Limits.pageSize(pageSize);
        existing(caseId, "caseId");
        boolean internal = seesInternal(caller);
        PageTokens tokens = secrets.pageTokens();
        // the token is bound to the case and to what the caller may see
        String q = caseId + "/" + (internal ? "all" : "public");
        long after = 0;
        if (pageToken != null) {
            after = parseLong(tokens.decode(pageToken, "case-comments", q, 1).get(0));
        }
        List<CaseComment> rows = repository.comments(caseId, internal, after, size + 1);
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            next = tokens.encode("case-comments", q, List.of(String.valueOf(rows.get(size - 1).getId())));
        }
        return new Page<>(new ArrayList<>(rows), next);
    }

    @Transactional
    public Download download(Caller caller, long attachmentId) {
        caller.require("getCaseAttachment", READERS);
        CaseAttachment a = repository.findAttachment(attachmentId);
        CaseAttachmentContent content = a == null ? null : repository.findContent(attachmentId);
        if (content == null) {
            throw new CrmException(ErrorCode.NOT_FOUND, "Attachment " + attachmentId + " does not exist", "attachmentId");
        }
        return new Download(a, content.getContent());
    }

    /** Whether the caller sees INTERNAL comments (not when crm-readonly is its only case role). */
    static boolean seesInternal(Caller caller) {
        for (Role r : STAFF) {
            if (caller.roles().contains(r)) {
                return true;
            }
        }
        return false;
    }

    // ----- helpers -----

    private ItemOutcome recorded(Caller caller, SupportCase c) {
        repository.flush();
        changeLog.append(caller, EntityType.CASE, c.getId(), Operation.UPDATED, c.getVersion(), null);
        ItemOutcome outcome = ItemOutcome.applied(c.getId(), c.getVersion());
        return outcome;
    }

    private SupportCase existing(long id, String field) {
        SupportCase c = repository.find(id);
        if (c == null) {
            throw new CrmException(ErrorCode.NOT_FOUND, "Case " + id + " does not exist", field);
        }
        return c;
    }

    private static void notClosed(SupportCase c, String what, String field) {
        if (c.getStatus() == CaseStatus.CLOSED) {
            throw new CrmException(ErrorCode.INVALID_STATE,
                    "Case " + c.getNumber() + " is CLOSED and cannot be " + what + "; reopen it first", field);
        }
    }

    private static void checkVersion(SupportCase c, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != c.getVersion()) {
            throw new CrmException(ErrorCode.CONCURRENCY, "Case " + c.getId() + " is at version " + c.getVersion()
                    + ", not the expected " + expectedVersion + "; read it again and retry", "expectedVersion");
        }
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw CrmException.validation("pageToken", "The page token is not valid");
        }
    }
}
