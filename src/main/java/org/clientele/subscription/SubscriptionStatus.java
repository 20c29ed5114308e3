package org.clientele.subscription;

/** Whether Clientele delivers a subscription's changes (the contract's SubscriptionStatus). */
public enum SubscriptionStatus {
    ACTIVE,
    PAUSED,
    /** Its position is older than the feed's retention: changes were purged before they were delivered. */
    EXPIRED
}
