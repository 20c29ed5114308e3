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

/** A stage one member reached in its campaign, at most one per member and stage, with optional revenue. */
@Entity
@Table(name = "campaign_response")
public class CampaignResponse {

    /** How far a member got. */
    public enum Stage { SENT, OPENED, CLICKED, RESPONDED, CONVERTED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "campaign_response_seq")
    @SequenceGenerator(name = "campaign_response_seq", sequenceName = "campaign_response_seq", allocationSize = 50)
    private Long id;

    @Version
    @Column(nullable = false)
    private long version;

    @Column(name = "member_id", nullable = false)
    private long memberId;

    @Column(name = "campaign_id", nullable = false)
    private long campaignId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Stage stage;

    @Column(name = "responded_at", nullable = false)
    private Instant respondedAt;

    @Column(precision = 19, scale = 4)
    private BigDecimal revenue;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, length = 100)
    private String recordedBy;

    protected CampaignResponse() {
    }

    public CampaignResponse(long memberId, long campaignId, Stage stage, Instant respondedAt, BigDecimal revenue,
                            Instant recordedAt, String recordedBy) {
        this.memberId = memberId;
        this.campaignId = campaignId;
        this.stage = stage;
        this.respondedAt = respondedAt;
        this.revenue = revenue;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
    }

    /** Follows a customer merge: the response now belongs to the master's membership. */
    public void moveTo(long memberId) {
        this.memberId = memberId;
    }

    /**
     * Folds a merged duplicate's response of the same stage into this one: the stage was reached at the earlier of
     * the two times; the revenue stays this response's, or becomes the duplicate's when this one has none, so that
     * a sale recorded under both duplicate records is not counted twice.
     */
    public boolean foldIn(CampaignResponse duplicate) {
        boolean changed = false;
        if (duplicate.respondedAt.isBefore(respondedAt)) {
            respondedAt = duplicate.respondedAt;
            changed = true;
        }
        if (revenue == null && duplicate.revenue != null) {
            revenue = duplicate.revenue;
            changed = true;
        }
        return changed;
    }

    public Long getId() { return id; }
    public long getVersion() { return version; }
    public long getMemberId() { return memberId; }
    public long getCampaignId() { return campaignId; }
    public Stage getStage() { return stage; }
    public Instant getRespondedAt() { return respondedAt; }
    public BigDecimal getRevenue() { return revenue; }
}
