package org.clientele.customer;

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

/** A call, e-mail, meeting or note recorded against a customer (and optionally one of its contacts). */
@Entity
@Table(name = "interaction")
public class Interaction {

    /** Kind of interaction. */
    public enum Type { CALL, EMAIL, MEETING, NOTE }

    /** Who initiated it. */
    public enum Direction { INBOUND, OUTBOUND }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "interaction_seq")
    @SequenceGenerator(name = "interaction_seq", sequenceName = "interaction_seq", allocationSize = 50)
    private Long id;

    @Version
    @Column(nullable = false)
    private long version;

    @Column(name = "customer_id", nullable = false)
    private long customerId;

    @Column(name = "contact_id")
    private Long contactId;

    @Enumerated(EnumType.STRING)
    @Column(name = "interaction_type", nullable = false, length = 20)
    private Type type;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Direction direction;

    @Column(nullable = false, length = 200)
    private String subject;

    @Column(length = 10000)
    private String body;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "recorded_by", nullable = false, length = 100)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected Interaction() {
    }

    /** The interaction a client sent, recorded by the principal at recordedAt. */
    public Interaction(InteractionDraft d, String recordedBy, Instant recordedAt) {
        this.customerId = d.customerId();
        this.contactId = d.contactId();
        this.type = d.type();
        this.direction = d.direction();
        this.subject = d.subject();
        this.body = d.body();
        this.occurredAt = d.occurredAt();
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() { return id; }
    public long getVersion() { return version; }
    public long getCustomerId() { return customerId; }
    public Long getContactId() { return contactId; }
    public Type getType() { return type; }
    public Direction getDirection() { return direction; }
    public String getSubject() { return subject; }
    public String getBody() { return body; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
}
