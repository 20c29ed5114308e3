package org.clientele.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One audited mutating call: who, from which system, what, on which records, with which outcome. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_seq")
    @SequenceGenerator(name = "audit_seq", sequenceName = "audit_seq", allocationSize = 50)
    private Long id;

    @Version
    @Column(nullable = false)
    private long version;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 100)
    private String principal;

    @Column(name = "client_system", length = 50)
    private String clientSystem;

    @Column(name = "correlation_id", length = 100)
    private String correlationId;

    @Column(nullable = false, length = 50)
    private String operation;

    @Column(nullable = false, length = 20)
    private String outcome;

    @Column(name = "entity_ids", length = 4000)
    private String entityIds;

    @Column(length = 1000)
    private String detail;

    protected AuditEntry() {
    }

    public AuditEntry(Instant occurredAt, Caller caller, String operation, String outcome, String entityIds, String detail) {
        this.occurredAt = occurredAt;
        this.principal = caller.principal();
        this.clientSystem = caller.clientSystem();
        this.correlationId = caller.correlationId();
        this.operation = operation;
        this.outcome = outcome;
        this.entityIds = truncate(entityIds, 4000);
        this.detail = truncate(detail, 1000);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    public String operation() {
        return operation;
    }

    public String correlationId() {
        return correlationId;
    }

    public String outcome() {
        return outcome;
    }
}
