package org.clientele.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The identifier a customer has in an external system; (system, id) is unique across all customers. */
@Entity
@Table(name = "customer_external_key")
public class ExternalKey {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "external_key_seq")
    @SequenceGenerator(name = "external_key_seq", sequenceName = "external_key_seq", allocationSize = 50)
    private Long id;

    @Version
    @Column(nullable = false)
    private long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id", nullable = false)
    private Customer customer;

    @Column(name = "system_name", nullable = false, length = 50)
    private String system;

    @Column(name = "external_id", nullable = false, length = 100)
    private String externalId;

    protected ExternalKey() {
    }

    public ExternalKey(String system, String externalId) {
        this.system = system;
        this.externalId = externalId;
    }

    void attachTo(Customer owner) {
        this.customer = owner;
    }

    public Long getId() { return id; }
    public Customer getCustomer() { return customer; }
    public String getSystem() { return system; }
    public String getExternalId() { return externalId; }

    /** Whether this is the key (system, id). */
    public boolean is(String otherSystem, String otherId) {
        return system.equals(otherSystem) && externalId.equals(otherId);
    }
}
