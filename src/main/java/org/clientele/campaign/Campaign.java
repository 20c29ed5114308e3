package org.clientele.campaign;

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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;

/** A marketing campaign: its channel, lifecycle status, dates, money in one currency, and place in a campaign tree. */
@Entity
@Table(name = "campaign")
public class Campaign {

    /** The channel a campaign reaches its members through. */
    public enum Channel { EMAIL, PHONE, EVENT, WEB, SOCIAL, DIRECT_MAIL, OTHER }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "campaign_seq")
    @SequenceGenerator(name = "campaign_seq", sequenceName = "campaign_seq", allocationSize = 50)
    private Long id;

    @Version
    @Column(nullable = false)
    private long version;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "name_lower", nullable = false, length = 200)
    private String nameLower;

    @Column(length = 2000)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private CampaignStatus status;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(precision = 19, scale = 4)
    private BigDecimal budget;

    @Column(name = "actual_cost", precision = 19, scale = 4)
    private BigDecimal actualCost;

    @Column(name = "expected_revenue", precision = 19, scale = 4)
    private BigDecimal expectedRevenue;

    @Column(name = "parent_id")
    private Long parentId;

    @Column(length = 100)
    private String owner;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 100)
    private String updatedBy;

    protected Campaign() {
    }

    public Campaign(Instant now, String principal) {
        this.createdAt = now;
        this.createdBy = principal;
        this.updatedAt = now;
        this.updatedBy = principal;
    }

    /** Sets every writable field from a validated draft; the status is set separately, through its rules. */
    public void setDetails(CampaignDraft d) {
        this.name = d.name();
        this.nameLower = d.name().toLowerCase(Locale.ROOT);
        this.description = d.description();
        this.channel = d.channel();
        this.startDate = d.startDate();
        this.endDate = d.endDate();
        this.currency = d.currency();
        this.budget = d.budget();
        this.actualCost = d.actualCost();
        this.expectedRevenue = d.expectedRevenue();
        this.parentId = d.parentId();
        this.owner = d.owner();
    }

    public void setStatus(CampaignStatus status) {
        this.status = status;
    }

    /** CONCURRENCY unless the campaign is at the expected version (when one is given). */
    public void requireVersion(Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != version) {
            throw new CrmException(ErrorCode.CONCURRENCY, "Campaign " + id + " is at version " + version
                    + ", not the expected " + expectedVersion + "; read it again and retry", "expectedVersion");
        }
    }

    /** INVALID_STATE unless members may join or leave (PLANNED or ACTIVE). */
    public void requireMembersOpen() {
        if (!status.membersOpen()) {
            throw new CrmException(ErrorCode.INVALID_STATE, "Campaign " + id + " is " + status
                    + "; members can only change while it is PLANNED or ACTIVE", "campaignId");
        }
    }

    /** INVALID_STATE unless responses may be recorded (ACTIVE or COMPLETED). */
    public void requireResponsesOpen() {
        if (!status.responsesOpen()) {
            throw new CrmException(ErrorCode.INVALID_STATE, "Campaign " + id + " is " + status
                    + "; responses can be recorded while it is ACTIVE or COMPLETED", "campaignId");
        }
    }

    public void touch(Instant now, String principal) {
        this.updatedAt = now;
        this.updatedBy = principal;
    }

    public Long getId() { return id; }
    public long getVersion() { return version; }
    public String getName() { return name; }
    public String getDescription() { return description; }
    public Channel getChannel() { return channel; }
    public CampaignStatus getStatus() { return status; }
    public LocalDate getStartDate() { return startDate; }
    public LocalDate getEndDate() { return endDate; }
    public String getCurrency() { return currency; }
    public BigDecimal getBudget() { return budget; }
    public BigDecimal getActualCost() { return actualCost; }
    public BigDecimal getExpectedRevenue() { return expectedRevenue; }
    public Long getParentId() { return parentId; }
    public String getOwner() { return owner; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
