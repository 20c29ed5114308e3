package org.clientele.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The SLA clock: due times per priority, pauses while PENDING, priority changes, reopening, first response and overdue. */
class SlaClockTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private final SlaClock clock = new SlaClock(SlaPolicy.defaults(), Clock.fixed(T0, ZoneOffset.UTC));

    private SupportCase open(SupportCase.Priority p) {
        SupportCase c = new SupportCase("CS-2026-000001",
                new CaseDraft(1L, null, "s", null, p, SupportCase.Channel.PHONE, "Billing", null), "opener");
        clock.start(c, T0);
        return c;
    }

    private void move(SupportCase c, CaseStatus to, Instant at) {
        c.getStatus().checkMoveTo(to);
        clock.moved(c, c.getStatus(), to, at);
        c.setStatus(to);
    }

    private static Instant at(Duration d) {
        return T0.plus(d);
    }

    @Test
    void dueTimesFollowThePriorityDefaults() {
        assertEquals(at(Duration.ofHours(1)), open(SupportCase.Priority.URGENT).getFirstResponseDueAt());
        assertEquals(at(Duration.ofHours(4)), open(SupportCase.Priority.URGENT).getResolutionDueAt());
        assertEquals(at(Duration.ofHours(4)), open(SupportCase.Priority.HIGH).getFirstResponseDueAt());
        assertEquals(at(Duration.ofDays(1)), open(SupportCase.Priority.HIGH).getResolutionDueAt());
        assertEquals(at(Duration.ofDays(1)), open(SupportCase.Priority.MEDIUM).getFirstResponseDueAt());
        assertEquals(at(Duration.ofDays(3)), open(SupportCase.Priority.MEDIUM).getResolutionDueAt());
        assertEquals(at(Duration.ofDays(2)), open(SupportCase.Priority.LOW).getFirstResponseDueAt());
        assertEquals(at(Duration.ofDays(5)), open(SupportCase.Priority.LOW).getResolutionDueAt());
        assertEquals(T0, clock.now());
    }

    @Test
    void overdueOnceAnUnmetDueTimeHasPassedWhileTheClockRuns() {
        SupportCase c = open(SupportCase.Priority.URGENT);
        assertFalse(SlaClock.overdue(c, at(Duration.ofMinutes(60))), "exactly at the due time is not late");
        assertTrue(SlaClock.overdue(c, at(Duration.ofMinutes(61))), "first response missed");
        clock.responded(c, at(Duration.ofMinutes(30)));
        assertFalse(SlaClock.overdue(c, at(Duration.ofMinutes(61))), "the first response was in time");
        assertTrue(SlaClock.overdue(c, at(Duration.ofHours(5))), "resolution missed");
    }

    @Test
    void timePendingDoesNotCount() {
        SupportCase c = open(SupportCase.Priority.URGENT);
        move(c, CaseStatus.OPEN, at(Duration.ofMinutes(10)));
        move(c, CaseStatus.PENDING, at(Duration.ofMinutes(20)));
        assertEquals(at(Duration.ofMinutes(20)), c.getPausedSince());
        // while pending the clock is stopped: never overdue, however late
        assertFalse(SlaClock.overdue(c, at(Duration.ofDays(10))));
        move(c, CaseStatus.OPEN, at(Duration.ofHours(3).plusMinutes(20)));
        assertNull(c.getPausedSince());
        assertEquals(Duration.ofHours(3).toMillis(), c.getPausedMillis());
        assertEquals(at(Duration.ofHours(4)), c.getFirstResponseDueAt(), "1 h target + 3 h pending");
        assertEquals(at(Duration.ofHours(7)), c.getResolutionDueAt(), "4 h target + 3 h pending");
        assertFalse(SlaClock.overdue(c, at(Duration.ofHours(3).plusMinutes(59))));
        assertTrue(SlaClock.overdue(c, at(Duration.ofHours(4).plusSeconds(1))));
        // a second pause adds up
        move(c, CaseStatus.PENDING, at(Duration.ofHours(5)));
        move(c, CaseStatus.OPEN, at(Duration.ofHours(6)));
        assertEquals(at(Duration.ofHours(8)), c.getResolutionDueAt());
    }

    @Test
    void aMetDueTimeIsNotMovedByAPause() {
        SupportCase c = open(SupportCase.Priority.HIGH);
        move(c, CaseStatus.OPEN, at(Duration.ofMinutes(5)));
        clock.responded(c, at(Duration.ofMinutes(10)));
        Instant firstDue = c.getFirstResponseDueAt();
        move(c, CaseStatus.PENDING, at(Duration.ofHours(1)));
        move(c, CaseStatus.OPEN, at(Duration.ofHours(3)));
        assertEquals(firstDue, c.getFirstResponseDueAt());
        assertEquals(at(Duration.ofDays(1).plusHours(2)), c.getResolutionDueAt());
    }

    @Test
    void priorityChangeRecomputesTheUnmetDueTimesIncludingPauses() {
        SupportCase c = open(SupportCase.Priority.LOW);
        move(c, CaseStatus.OPEN, at(Duration.ofMinutes(1)));
        move(c, CaseStatus.PENDING, at(Duration.ofHours(1)));
        move(c, CaseStatus.OPEN, at(Duration.ofHours(2)));
        c.edit(new CaseEdit(null, null, false, SupportCase.Priority.URGENT, null), clock);
        assertEquals(at(Duration.ofHours(2)), c.getFirstResponseDueAt(), "1 h + 1 h pending");
        assertEquals(at(Duration.ofHours(5)), c.getResolutionDueAt(), "4 h + 1 h pending");
        assertTrue(SlaClock.overdue(c, at(Duration.ofHours(2).plusMinutes(1))), "urgent now and unanswered");
        // a met first response stays as it was
        clock.responded(c, at(Duration.ofHours(2)));
        c.edit(new CaseEdit(null, null, false, SupportCase.Priority.MEDIUM, null), clock);
        assertEquals(at(Duration.ofHours(2)), c.getFirstResponseDueAt());
        assertEquals(at(Duration.ofDays(3).plusHours(1)), c.getResolutionDueAt());
    }

    @Test
    void resolvingIsAResponseStopsTheClockAndReopeningStartsANewResolutionTarget() {
        SupportCase c = open(SupportCase.Priority.URGENT);
        move(c, CaseStatus.OPEN, at(Duration.ofMinutes(1)));
        move(c, CaseStatus.RESOLVED, at(Duration.ofMinutes(50)));
        assertEquals(at(Duration.ofMinutes(50)), c.getFirstRespondedAt());
        assertEquals(at(Duration.ofMinutes(50)), c.getResolvedAt());
        assertFalse(SlaClock.overdue(c, at(Duration.ofDays(30))));
        move(c, CaseStatus.CLOSED, at(Duration.ofHours(1)));
        move(c, CaseStatus.REOPENED, at(Duration.ofHours(10)));
        assertNull(c.getResolvedAt());
        assertEquals(at(Duration.ofMinutes(50)), c.getFirstRespondedAt(), "the first response stays met");
        assertEquals(at(Duration.ofHours(14)), c.getResolutionDueAt());
        assertFalse(SlaClock.overdue(c, at(Duration.ofHours(13))));
        assertTrue(SlaClock.overdue(c, at(Duration.ofHours(15))));
    }

    @Test
    void resolvingFromPendingCountsThePause() {
        SupportCase c = open(SupportCase.Priority.HIGH);
        move(c, CaseStatus.OPEN, at(Duration.ofMinutes(1)));
        move(c, CaseStatus.PENDING, at(Duration.ofHours(1)));
        move(c, CaseStatus.RESOLVED, at(Duration.ofHours(5)));
        assertNull(c.getPausedSince());
        assertEquals(Duration.ofHours(4).toMillis(), c.getPausedMillis());
        assertEquals(at(Duration.ofHours(5)), c.getResolvedAt());
    }

    @Test
    void onlyTheFirstResponseCounts() {
        SupportCase c = open(SupportCase.Priority.MEDIUM);
        assertTrue(clock.responded(c, at(Duration.ofHours(1))));
        assertFalse(clock.responded(c, at(Duration.ofHours(2))));
        assertEquals(at(Duration.ofHours(1)), c.getFirstRespondedAt());
    }

    @Test
    void configuredTargetsReplaceTheDefaultsAndBadOnesAreNamed() {
        Properties p = new Properties();
        p.setProperty("clientele.sla.URGENT", "PT30M/PT2H");
        p.setProperty("unrelated", "x");
        SlaPolicy policy = SlaPolicy.from(p);
        assertEquals(Duration.ofMinutes(30), policy.targets(SupportCase.Priority.URGENT).firstResponse());
        assertEquals(Duration.ofHours(2), policy.targets(SupportCase.Priority.URGENT).resolution());
        assertEquals(Duration.ofDays(1), policy.targets(SupportCase.Priority.HIGH).resolution(), "others keep their defaults");
        for (String bad : new String[] {"PT1H", "1h/4h", "PT4H/PT1H", "PT0S/PT1H", "-PT1H/PT1H", "PT1H/PT4H/PT5H", ""}) {
            Properties q = new Properties();
            q.setProperty("clientele.sla.HIGH", bad);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SlaPolicy.from(q), bad);
            assertTrue(e.getMessage().contains("clientele.sla.HIGH"), e.getMessage());
        }
        Properties unknown = new Properties();
        unknown.setProperty("clientele.sla.CRITICAL", "PT1H/PT2H");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SlaPolicy.from(unknown)).getMessage().contains("CRITICAL"));
    }
}
