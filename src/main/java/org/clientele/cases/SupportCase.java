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

    /** A NEW case; {@link SlaClock#start} sets its SLA state. */
    public SupportCase(String number, long customerId, Long contactId, String subject, String description, Priority priority,
                       Channel channel, String category, String externalReference, String openedBy) {
        this.number = number;
        this.customerId = customerId;
        this.contactId = contactId;
        this.subject = subject;
        this.description = description;
        this.priority = priority;
        this.channel = channel;
        this.category = category;
        this.externalReference = externalReference;
        this.status = CaseStatus.NEW;
        this.openedBy = openedBy;
        this.updatedBy = openedBy;
    }

    public void touch(Instant at, String principal) {
        this.updatedAt = at;
        this.updatedBy = principal;
    }

    public void setSubject(String subject) { this.subject = subject; }
    public void setDescription(String description) { this.description = description; }
    public void setCategory(String category) { this.category = category; }
    /** Changes the priority only; {@link SlaClock#priorityChanged} recomputes the due times. */
    void setPriority(Priority priority) { this.priority = priority; }
    void setStatus(CaseStatus status) { this.status = status; }
    void setResolutionNote(String note) { this.resolutionNote = note; }
    void setClosedAt(Instant at) { this.closedAt = at; }

    public void assign(AssigneeKind kind, String name) {
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
