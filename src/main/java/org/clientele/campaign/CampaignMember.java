package org.clientele.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A customer's membership in a campaign, on its own or through one of its contacts. {@code contactKey} is the
 * contact id or 0, so that the unique key (campaign, customer, contact) also holds on PostgreSQL, where NULLs differ.
 */
@Entity
@Table(name = "campaign_member")
public class CampaignMember {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "campaign_member_seq")
    @SequenceGenerator(name = "campaign_member_seq", sequenceName = "campaign_member_seq", allocationSize = 50)
    private Long id;

    @Version
    @Column(nullable = false)
    private long version;

    @Column(name = "campaign_id", nullable = false)
    private long campaignId;

    @Column(name = "customer_id", nullable = false)
    private long customerId;

    @Column(name = "contact_id")
    private Long contactId;

    @Column(name = "contact_key", nullable = false)
    private long contactKey;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    @Column(name = "added_by", nullable = false, length = 100)
    private String addedBy;

    protected CampaignMember() {
    }

    public CampaignMember(long campaignId, long customerId, Long contactId, Instant addedAt, String addedBy) {
        this.campaignId = campaignId;
        this.customerId = customerId;
        this.contactId = contactId;
        this.contactKey = contactKey(contactId);
        this.addedAt = addedAt;
        this.addedBy = addedBy;
    }

    /** The stored form of an optional contact in the unique key. */
    public static long contactKey(Long contactId) {
        return contactId == null ? 0L : contactId;
    }

    /** Follows a customer merge (to the master, same contact) or a removed contact (same customer, no contact). */
    public void moveTo(long customerId, Long contactId) {
        this.customerId = customerId;
        this.contactId = contactId;
        this.contactKey = contactKey(contactId);
    }

    public Long getId() { return id; }
    public long getVersion() { return version; }
    public long getCampaignId() { return campaignId; }
    public long getCustomerId() { return customerId; }
    public Long getContactId() { return contactId; }
    public Instant getAddedAt() { return addedAt; }
}
