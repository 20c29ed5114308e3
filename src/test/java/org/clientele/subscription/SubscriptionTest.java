package org.clientele.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;
import org.clientele.sync.ChangeRecord.EntityType;
import org.junit.jupiter.api.Test;

/** The rules of a subscription that need no database: credentials, defaults, pause and resume. */
class SubscriptionTest {
    private static final Instant NOW = Instant.parse("2026-12-02T03:00:00Z");

    private static Subscription.Draft draft(String url, String user, String password, String type) {
        return new Subscription.Draft("ERP", url, EnumSet.of(EntityType.CUSTOMER, EntityType.CASE), false, null, user, password, type);
    }

    @Test
    void aNewSubscriptionIsActiveDueNowAtItsStartWithTheDefaultBatch() {
        Subscription s = Subscription.create(draft("http://erp/l", null, null, null), 42, null, NOW, "admin");
        assertEquals(SubscriptionStatus.ACTIVE, s.getStatus());
        assertEquals(42, s.getAcknowledgedSequence());
        assertEquals(NOW, s.getNextAttemptAt());
        assertEquals(Subscription.DEFAULT_BATCH_SIZE, s.getBatchSize());
        assertEquals(Set.of(EntityType.CUSTOMER, EntityType.CASE), s.entityTypes());
        assertNull(s.getPasswordType(), "no credentials, no password type");
    }

    @Test
    void noTypesMeansEveryType() {
        Subscription s = Subscription.create(new Subscription.Draft("ERP", "http://erp/l", EnumSet.noneOf(EntityType.class), true,
                10, null, null, null), 0, null, NOW, "admin");
        assertTrue(s.entityTypes().isEmpty());
    }

    @Test
    void credentialsComeInPairsAndPasswordTextOnlyOverHttps() {
        CrmException noPassword = assertThrows(CrmException.class,
                () -> Subscription.create(draft("http://erp/l", "u", null, null), 0, null, NOW, "a"));
        assertEquals(ErrorCode.VALIDATION, noPassword.code());
        assertEquals("password", noPassword.field());
        assertEquals("username", assertThrows(CrmException.class,
                () -> Subscription.create(draft("http://erp/l", null, "p", null), 0, null, NOW, "a")).field());
        assertEquals("passwordType", assertThrows(CrmException.class,
                () -> Subscription.create(draft("http://erp/l", "u", "p", "PasswordText"), 0, "sealed", NOW, "a")).field());
        Subscription https = Subscription.create(draft("HTTPS://erp/l", "u", "p", "PasswordText"), 0, "sealed", NOW, "a");
        assertEquals("PasswordText", https.getPasswordType());
        assertEquals("PasswordDigest", Subscription.create(draft("http://erp/l", "u", "p", null), 0, "sealed", NOW, "a")
                .getPasswordType(), "PasswordDigest when none is given");
    }

    @Test
    void pauseIsIdempotentAndResumeStartsTheRetryDelayOver() {
        Subscription s = Subscription.create(draft("http://erp/l", null, null, null), 0, null, NOW, "admin");
        assertTrue(s.pause());
        assertFalse(s.pause(), "pausing a paused subscription changes nothing");
        assertEquals(SubscriptionStatus.PAUSED, s.getStatus());
        Instant later = NOW.plusSeconds(60);
        s.resume(later);
        assertEquals(SubscriptionStatus.ACTIVE, s.getStatus());
        assertEquals(later, s.getNextAttemptAt());
        assertEquals(0, s.getConsecutiveFailures());
    }
}
