package org.clientele.subscription;

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
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.clientele.platform.CrmException;
import org.hibernate.annotations.DynamicUpdate;
import org.clientele.platform.ErrorCode;
import org.clientele.sync.ChangeRecord;

/**
 * A subscription to the change feed: where to push it, which entity types, with which outbound credentials, and where
 * delivery stands ({@code acknowledgedSequence}, failures, next attempt). The delivery lease columns are written only
 * by {@link DeliveryLeases}, with conditional updates, never through this entity; updates of the entity write only the
 * columns they changed ({@code @DynamicUpdate}), so an administrator's pause never writes back stale delivery state.
 */
@Entity
@DynamicUpdate
@Table(name = "subscription")
public class Subscription {
    /** How many subscriptions may exist: each may hold one delivery thread of a node. */
    public static final int MAX_SUBSCRIPTIONS = 100;
    public static final int DEFAULT_BATCH_SIZE = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "subscription_seq")
    @SequenceGenerator(name = "subscription_seq", sequenceName = "subscription_seq", allocationSize = 50)
    private Long id;

    @Version
    @Column(nullable = false)
    private long version;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "listener_url", nullable = false, length = 2000)
    private String listenerUrl;

    @Column(name = "entity_types", nullable = false, length = 300)
    private String entityTypes;

    @Column(name = "include_snapshots", nullable = false)
    private boolean includeSnapshots;

    @Column(name = "batch_size", nullable = false)
    private int batchSize;

    @Column(length = 100)
    private String username;

    @Column(name = "password_sealed", length = 600)
    private String passwordSealed;

    @Column(name = "password_type", length = 20)
    private String passwordType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private SubscriptionStatus status;

    @Column(name = "acknowledged_sequence", nullable = false)
    private long acknowledgedSequence;

    @Column(name = "last_delivered_at")
    private Instant lastDeliveredAt;

    @Column(name = "consecutive_failures", nullable = false)
    private int consecutiveFailures;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "last_error_at")
    private Instant lastErrorAt;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    protected Subscription() {
    }

    /** What an administrator asks for; {@code password} in clear, sealed before it is stored. */
    public record Draft(String name, String listenerUrl, Set<ChangeRecord.EntityType> entityTypes, boolean includeSnapshots,
                        Integer batchSize, String username, String password, String passwordType) {
    }

    /**
     * A new ACTIVE subscription delivering the changes after {@code startSequence}, due at once. VALIDATION for
     * credentials that do not go together (a user name without password or the reverse, PasswordText over http).
     */
    public static Subscription create(Draft d, long startSequence, String sealedPassword, Instant now, String principal) {
        if ((d.username() == null) != (d.password() == null)) {
            throw CrmException.validation(d.username() == null ? "username" : "password",
                    "Outbound credentials need both username and password");
        }
        String type = d.username() == null ? null : d.passwordType() == null ? "PasswordDigest" : d.passwordType();
        if ("PasswordText".equals(type) && !d.listenerUrl().regionMatches(true, 0, "https://", 0, 8)) {
            throw CrmException.validation("passwordType", "PasswordText sends the password itself: only to an https listenerUrl");
        }
        Subscription s = new Subscription();
        s.name = d.name();
        s.listenerUrl = d.listenerUrl();
        s.entityTypes = d.entityTypes().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        s.includeSnapshots = d.includeSnapshots();
        s.batchSize = d.batchSize() == null ? DEFAULT_BATCH_SIZE : d.batchSize();
        s.username = d.username();
        s.passwordSealed = d.username() == null ? null : sealedPassword;
        s.passwordType = type;
        s.status = SubscriptionStatus.ACTIVE;
        s.acknowledgedSequence = startSequence;
        s.nextAttemptAt = now;
        s.createdAt = now;
        s.createdBy = principal;
        return s;
    }

    /** CONCURRENCY unless the subscription is at the expected version (when one is given). */
    public void requireVersion(Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != version) {
            throw new CrmException(ErrorCode.CONCURRENCY, "Subscription " + id + " is at version " + version
                    + ", not " + expectedVersion + "; read it again", "expectedVersion");
        }
    }

    /** Stops delivery; true when it changed anything. */
    public boolean pause() {
        if (status != SubscriptionStatus.ACTIVE) {
            return false;
        }
        status = SubscriptionStatus.PAUSED;
        return true;
    }

    /** Delivers again from the acknowledged position, now, with the retry delay started over; not once EXPIRED. */
    public void resume(Instant now) {
        if (status == SubscriptionStatus.EXPIRED) {
            throw new CrmException(ErrorCode.INVALID_STATE, "Subscription " + id + " has expired: the feed no longer holds"
                    + " the changes after its position. Resynchronise the subscriber, delete this subscription and create"
                    + " one from a new cursor", "id");
        }
        status = SubscriptionStatus.ACTIVE;
        consecutiveFailures = 0;
        nextAttemptAt = now;
    }

    /** The entity types delivered; empty: every type. */
    public Set<ChangeRecord.EntityType> entityTypes() {
        Set<ChangeRecord.EntityType> types = EnumSet.noneOf(ChangeRecord.EntityType.class);
        if (!entityTypes.isEmpty()) {
            Arrays.stream(entityTypes.split(",")).map(ChangeRecord.EntityType::valueOf).forEach(types::add);
        }
        return types;
    }

    public Long getId() { return id; }
    public long getVersion() { return version; }
    public String getName() { return name; }
    public String getListenerUrl() { return listenerUrl; }
    public boolean isIncludeSnapshots() { return includeSnapshots; }
    public int getBatchSize() { return batchSize; }
    public String getUsername() { return username; }
    public String getPasswordSealed() { return passwordSealed; }
    public String getPasswordType() { return passwordType; }
    public SubscriptionStatus getStatus() { return status; }
    public long getAcknowledgedSequence() { return acknowledgedSequence; }
    public Instant getLastDeliveredAt() { return lastDeliveredAt; }
    public int getConsecutiveFailures() { return consecutiveFailures; }
    public String getLastError() { return lastError; }
    public Instant getLastErrorAt() { return lastErrorAt; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
}
