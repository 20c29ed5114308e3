package org.clientele.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One change of one entity, appended in the writer's transaction. Its id comes from a database sequence
 * drawn at append time (never pooled), so two changes of the same entity, which optimistic locking
 * serialises, always have ids in commit order; the sequencer later gives it its feed sequence.
 */
@Entity
@Table(name = "change_log")
public class ChangeRecord {

    /** Kinds of entity in the feed (the names fit change_log.entity_type, VARCHAR(20)). */
    public enum EntityType { CUSTOMER, INTERACTION, CASE, CASE_COMMENT, CASE_ATTACHMENT, CAMPAIGN, CAMPAIGN_MEMBER, CAMPAIGN_RESPONSE }

    /** What happened to the entity. */
    public enum Operation { CREATED, UPDATED, DELETED, UNDELETED, MERGED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "change_log_seq")
    @SequenceGenerator(name = "change_log_seq", sequenceName = "change_log_seq", allocationSize = 1)
    private Long id;

    /** Assigned by the sequencer; null until then. Change rows are immutable otherwise, so no @Version. */
    @Column(name = "sequence")
    private Long sequence;

    @Enumerated(EnumType.STRING)
    @Column(name = "entity_type", nullable = false, length = 20)
    private EntityType entityType;

    @Column(name = "entity_id", nullable = false)
    private long entityId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Operation operation;

    @Column(name = "entity_version", nullable = false)
    private long entityVersion;

    @Column(name = "merged_into")
    private Long mergedInto;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(nullable = false, length = 100)
    private String principal;

    @Column(name = "client_system", length = 50)
    private String clientSystem;

    @Column(name = "correlation_id", length = 100)
    private String correlationId;

    protected ChangeRecord() {
    }

    public ChangeRecord(EntityType entityType, long entityId, Operation operation, long entityVersion, Long mergedInto,
                        Instant changedAt, String principal, String clientSystem, String correlationId) {
        this.entityType = entityType;
        this.entityId = entityId;
        this.operation = operation;
        this.entityVersion = entityVersion;
        this.mergedInto = mergedInto;
        this.changedAt = changedAt;
        this.principal = principal;
        this.clientSystem = clientSystem;
        this.correlationId = correlationId;
    }

    public Long getId() { return id; }
    public Long getSequence() { return sequence; }
    public EntityType getEntityType() { return entityType; }
    public long getEntityId() { return entityId; }
    public Operation getOperation() { return operation; }
    public long getEntityVersion() { return entityVersion; }
    public Long getMergedInto() { return mergedInto; }
    public Instant getChangedAt() { return changedAt; }
    public String getPrincipal() { return principal; }
    public String getClientSystem() { return clientSystem; }
    public String getCorrelationId() { return correlationId; }
}
