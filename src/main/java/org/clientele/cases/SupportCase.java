package org.clientele.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;

/** A customer-service case (table support_case): its fields, lifecycle status, assignee and SLA state. */
@Entity
@Table(name = "support_case")
public class SupportCase {

    /** Urgency; it selects the SLA targets. */
    public enum Priority { LOW, MEDIUM, HIGH, URGENT }

    /** How the case came in. */
    public enum Channel { PHONE, EMAIL, WEB, ERP, OTHER }

    /** Whether the assignee is a person or a team queue. */
    public enum AssigneeKind { AGENT, QUEUE }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "support_case_seq")
    @SequenceGenerator(name = "support_case_seq", sequenceName = "support_case_seq", allocationSize = 50)
    private Long id;

    @Version
    @Column(nullable = false)
    private long version;

    @Column(name = "case_number", nullable = false, length = 30, updatable = false)
    private String number;

    @Column(name = "customer_id", nullable = false)
    private long customerId;

    @Column(name = "contact_id")
    private Long contactId;

    @Column(nullable = false, length = 200)
    private String subject;

    @Column(length = 10000)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Priority priority;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Channel channel;

    @Column(nullable = false, length = 100)
    private String category;

    @Column(name = "external_reference", length = 100)
    private String externalReference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private CaseStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "assignee_kind", length = 10)
    private AssigneeKind assigneeKind;

    @Column(name = "assignee_name", length = 100)
    private String assigneeName;

    @Column(name = "resolution_note", length = 4000)
    private String resolutionNote;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    @Column(name = "opened_by", nullable = false, length = 100, updatable = false)
    private String openedBy;

    @Column(name = "clock_started_at", nullable = false)
    private Instant clockStartedAt;

    @Column(name = "paused_millis", nullable = false)
    private long pausedMillis;

    @Column(name = "paused_since")
    private Instant pausedSince;

    @Column(name = "first_response_due_at", nullable = false)
    private Instant firstResponseDueAt;

    @Column(name = "resolution_due_at", nullable = false)
    private Instant resolutionDueAt;

    @Column(name = "first_responded_at")
    private Instant firstRespondedAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 100)
    private String updatedBy;

    protected SupportCase() {
    }

    /** A NEW case with the draft's data; {@link SlaClock#start} sets its SLA state. */
    public SupportCase(String number, CaseDraft d, String openedBy) {
        this.number = number;
        this.customerId = d.customerId();
        this.contactId = d.contactId();
        this.subject = d.subject();
        this.description = d.description();
        this.priority = d.priority();
        this.channel = d.channel();
        this.category = d.category();
        this.externalReference = d.externalReference();
        this.status = CaseStatus.NEW;
        this.openedBy = openedBy;
        this.updatedBy = openedBy;
    }

    /** A NEW case opened now by the principal, its SLA clock started. */
    public static SupportCase open(String number, CaseDraft d, String principal, SlaClock sla, Instant now) {
        SupportCase c = new SupportCase(number, d, principal);
        sla.start(c, now);
        c.touch(now, principal);
        return c;
    }

    /** CONCURRENCY unless the case is at the expected version (when one is given). */
    public void requireVersion(Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != version) {
            throw new CrmException(ErrorCode.CONCURRENCY, "Case " + id + " is at version " + version
                    + ", not the expected " + expectedVersion + "; read it again and retry", "expectedVersion");
        }
    }

    /** INVALID_STATE when the case is CLOSED: it must be reopened before it can be {@code what} (e.g. "changed"). */
    public void requireNotClosed(String what, String field) {
        if (status == CaseStatus.CLOSED) {
            throw new CrmException(ErrorCode.INVALID_STATE,
                    "Case " + number + " is CLOSED and cannot be " + what + "; reopen it first", field);
        }
    }

    /** Applies the non-null fields of the edit; a new priority moves the due times not yet met. */
    public void edit(CaseEdit e, SlaClock sla) {
        if (e.subject() != null) {
            this.subject = e.subject();
        }
        if (e.description() != null || e.clearDescription()) {
            this.description = e.description();
        }
        if (e.category() != null) {
            this.category = e.category();
        }
        if (e.priority() != null && e.priority() != priority) {
            this.priority = e.priority();
            sla.priorityChanged(this);
        }
    }

    /**
     * Moves the case to the target status: only along the lifecycle's allowed moves (INVALID_STATE otherwise), with a
     * resolution note exactly when it is resolved (VALIDATION otherwise); the SLA clock pauses, resumes or restarts.
     */
    public void moveTo(CaseStatus target, String resolutionNote, SlaClock sla, Instant now) {
        if (target == null) {
            throw CrmException.validation("status", "status is required");
        }
        CaseStatus from = status;
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
            this.resolutionNote = resolutionNote;
        }
        sla.moved(this, from, target, now);
        this.status = target;
        this.closedAt = target == CaseStatus.CLOSED ? now : null;
    }

    /**
     * Records a public answer by the principal: the first one by someone other than the opener is the case's first
     * response. Returns whether it changed the case.
     */
    public boolean answeredBy(String principal, SlaClock sla, Instant now) {
        return !principal.equals(openedBy) && sla.responded(this, now);
    }

    public void touch(Instant at, String principal) {
        this.updatedAt = at;
        this.updatedBy = principal;
    }

    /** Sets the status only; {@link #moveTo} is the lifecycle move. */
    void setStatus(CaseStatus status) { this.status = status; }

    /** Hands the case to an agent or a queue; a CLOSED case cannot be assigned (INVALID_STATE). */
    public void assign(AssigneeKind kind, String name) {
        requireNotClosed("assigned", "caseId");
        this.assigneeKind = kind;
        this.assigneeName = name;
    }

    // SLA state, maintained by SlaClock
    void setOpenedAt(Instant at) { this.openedAt = at; }
    void setClockStartedAt(Instant at) { this.clockStartedAt = at; }
    void setPausedMillis(long millis) { this.pausedMillis = millis; }
    void setPausedSince(Instant at) { this.pausedSince = at; }
    void setFirstResponseDueAt(Instant at) { this.firstResponseDueAt = at; }
    void setResolutionDueAt(Instant at) { this.resolutionDueAt = at; }
    void setFirstRespondedAt(Instant at) { this.firstRespondedAt = at; }
    void setResolvedAt(Instant at) { this.resolvedAt = at; }


    public Long getId() { return id; }
    public long getVersion() { return version; }
    public String getNumber() { return number; }
    public long getCustomerId() { return customerId; }
    public Long getContactId() { return contactId; }
    public String getSubject() { return subject; }
    public String getDescription() { return description; }
    public Priority getPriority() { return priority; }
    public Channel getChannel() { return channel; }
    public String getCategory() { return category; }
    public String getExternalReference() { return externalReference; }
    public CaseStatus getStatus() { return status; }
    public AssigneeKind getAssigneeKind() { return assigneeKind; }
    public String getAssigneeName() { return assigneeName; }
    public String getResolutionNote() { return resolutionNote; }
    public Instant getOpenedAt() { return openedAt; }
    public String getOpenedBy() { return openedBy; }
    public Instant getClockStartedAt() { return clockStartedAt; }
    public long getPausedMillis() { return pausedMillis; }
    public Instant getPausedSince() { return pausedSince; }
    public Instant getFirstResponseDueAt() { return firstResponseDueAt; }
    public Instant getResolutionDueAt() { return resolutionDueAt; }
    public Instant getFirstRespondedAt() { return firstRespondedAt; }
    public Instant getResolvedAt() { return resolvedAt; }
    public Instant getClosedAt() { return closedAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
}
