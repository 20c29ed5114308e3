package org.clientele.subscription;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.clientele.sync.ChangeRecord;
import org.clientele.ws.subscription.PasswordType;
import org.clientele.ws.subscription.SubscriptionData;
import org.clientele.ws.sync.EntityType;

/** Subscriptions between the wire (JAXB) and the entity. */
final class SubscriptionMapper {

    private SubscriptionMapper() {
    }

    static Subscription.Draft draft(SubscriptionData d) {
        Set<ChangeRecord.EntityType> types = EnumSet.noneOf(ChangeRecord.EntityType.class);
        for (EntityType t : d.getEntityType()) {
            types.add(ChangeRecord.EntityType.valueOf(t.name()));
        }
        return new Subscription.Draft(d.getName(), d.getListenerUrl(), types, Boolean.TRUE.equals(d.isIncludeSnapshots()),
                d.getBatchSize(), d.getUsername(), d.getPassword(), d.getPasswordType() == null ? null : d.getPasswordType().value());
    }

    static org.clientele.ws.subscription.Subscription toWire(Subscription s, long latestSequence) {
        org.clientele.ws.subscription.Subscription w = new org.clientele.ws.subscription.Subscription();
        w.setId(s.getId());
        w.setVersion(s.getVersion());
        w.setName(s.getName());
        w.setListenerUrl(s.getListenerUrl());
        s.entityTypes().forEach(t -> w.getEntityType().add(EntityType.valueOf(t.name())));
        w.setIncludeSnapshots(s.isIncludeSnapshots());
        w.setBatchSize(s.getBatchSize());
        w.setUsername(s.getUsername());
        w.setPasswordType(s.getPasswordType() == null ? null : PasswordType.fromValue(s.getPasswordType()));
        w.setStatus(org.clientele.ws.subscription.SubscriptionStatus.valueOf(s.getStatus().name()));
        w.setAcknowledgedSequence(s.getAcknowledgedSequence());
        w.setLatestSequence(latestSequence);
        w.setLag(Math.max(0, latestSequence - s.getAcknowledgedSequence()));
        w.setLastDeliveredAt(time(s.getLastDeliveredAt()));
        w.setConsecutiveFailures(s.getConsecutiveFailures());
        w.setLastError(s.getLastError());
        w.setLastErrorAt(time(s.getLastErrorAt()));
        w.setNextAttemptAt(s.getStatus() == SubscriptionStatus.ACTIVE ? time(s.getNextAttemptAt()) : null);
        w.setCreatedAt(time(s.getCreatedAt()));
        w.setCreatedBy(s.getCreatedBy());
        return w;
    }

    private static OffsetDateTime time(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
