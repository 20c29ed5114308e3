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
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;
import org.junit.jupiter.api.Test;

/** The case aggregate without a container: opening, edits, lifecycle moves with their SLA effects, and first responses. */
class SupportCaseTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private final SlaClock sla = new SlaClock(SlaPolicy.defaults(), Clock.fixed(T0, ZoneOffset.UTC));

    private SupportCase open(SupportCase.Priority p) {
        return SupportCase.open("CS-2026-000001", new CaseDraft(1L, 2L, "Invoice wrong", "VAT", p, SupportCase.Channel.EMAIL,
                "Billing", "ERP-9"), "opener", sla, T0);
    }

    private static Instant at(Duration d) {
        return T0.plus(d);
    }

    private static void refused(ErrorCode code, String field, Runnable action) {
        CrmException e = assertThrows(CrmException.class, action::run);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
    }

    @Test
    void anOpenedCaseIsNewWithItsClockRunning() {
        SupportCase c = open(SupportCase.Priority.HIGH);
        assertEquals(CaseStatus.NEW, c.getStatus());
        assertEquals(1L, c.getCustomerId());
        assertEquals(2L, c.getContactId());
        assertEquals("ERP-9", c.getExternalReference());
        assertEquals(T0, c.getOpenedAt());
        assertEquals("opener", c.getOpenedBy());
        assertEquals(T0, c.getUpdatedAt());
        assertEquals(at(Duration.ofHours(4)), c.getFirstResponseDueAt());
        assertEquals(at(Duration.ofDays(1)), c.getResolutionDueAt());
    }

    @Test
    void onlyTheLifecyclesMovesAreAllowed() {
        SupportCase c = open(SupportCase.Priority.LOW);
        refused(ErrorCode.INVALID_STATE, "status", () -> c.moveTo(CaseStatus.RESOLVED, "done", sla, T0));
        refused(ErrorCode.INVALID_STATE, "status", () -> c.moveTo(CaseStatus.CLOSED, null, sla, T0));
        refused(ErrorCode.VALIDATION, "status", () -> c.moveTo(null, null, sla, T0));
        assertEquals(CaseStatus.NEW, c.getStatus(), "a refused move changes nothing");
        c.moveTo(CaseStatus.OPEN, null, sla, T0);
        assertEquals(CaseStatus.OPEN, c.getStatus());
    }

    @Test
    void aResolutionNeedsANoteAndOnlyAResolutionTakesOne() {
        SupportCase c = open(SupportCase.Priority.LOW);
        c.moveTo(CaseStatus.OPEN, null, sla, T0);
        refused(ErrorCode.VALIDATION, "resolutionNote", () -> c.moveTo(CaseStatus.RESOLVED, "  ", sla, T0));
        refused(ErrorCode.VALIDATION, "resolutionNote", () -> c.moveTo(CaseStatus.PENDING, "why", sla, T0));
        refused(ErrorCode.VALIDATION, "resolutionNote", () -> c.moveTo(CaseStatus.RESOLVED, "x".repeat(4001), sla, T0));
        assertEquals(CaseStatus.OPEN, c.getStatus());
        assertNull(c.getResolutionNote());
        c.moveTo(CaseStatus.RESOLVED, "Credit note sent", sla, at(Duration.ofHours(2)));
        assertEquals("Credit note sent", c.getResolutionNote());
        assertEquals(at(Duration.ofHours(2)), c.getResolvedAt());
        assertEquals(at(Duration.ofHours(2)), c.getFirstRespondedAt(), "a resolution counts as the first response");
    }

    @Test
    void closingStampsTheCaseAndReopeningStartsANewResolutionCycle() {
        SupportCase c = open(SupportCase.Priority.URGENT);
        c.moveTo(CaseStatus.OPEN, null, sla, T0);
        c.moveTo(CaseStatus.RESOLVED, "fixed", sla, at(Duration.ofHours(1)));
        c.moveTo(CaseStatus.CLOSED, null, sla, at(Duration.ofHours(2)));
        assertEquals(at(Duration.ofHours(2)), c.getClosedAt());
        refused(ErrorCode.INVALID_STATE, "id", () -> c.requireNotClosed("changed", "id"));
        refused(ErrorCode.INVALID_STATE, "caseId", () -> c.assign(SupportCase.AssigneeKind.AGENT, "bob"));
        c.moveTo(CaseStatus.REOPENED, null, sla, at(Duration.ofHours(10)));
        assertNull(c.getClosedAt());
        assertNull(c.getResolvedAt());
        assertEquals(at(Duration.ofHours(14)), c.getResolutionDueAt(), "4 h from the reopen");
        assertFalse(SlaClock.overdue(c, at(Duration.ofHours(13))));
        c.assign(SupportCase.AssigneeKind.QUEUE, "2nd level");
        assertEquals("2nd level", c.getAssigneeName());
    }

    @Test
    void timePendingMovesTheDueTimes() {
        SupportCase c = open(SupportCase.Priority.URGENT);
        c.moveTo(CaseStatus.OPEN, null, sla, T0);
        c.moveTo(CaseStatus.PENDING, null, sla, at(Duration.ofMinutes(30)));
        assertFalse(SlaClock.overdue(c, at(Duration.ofDays(2))), "the clock stops while PENDING");
        c.moveTo(CaseStatus.OPEN, null, sla, at(Duration.ofHours(2).plusMinutes(30)));
        assertEquals(at(Duration.ofHours(3)), c.getFirstResponseDueAt(), "1 h + 2 h pending");
        assertEquals(at(Duration.ofHours(6)), c.getResolutionDueAt(), "4 h + 2 h pending");
    }

    @Test
    void editsChangeOnlyTheGivenFieldsAndANewPriorityMovesTheDueTimes() {
        SupportCase c = open(SupportCase.Priority.LOW);
        c.edit(new CaseEdit("New subject", null, false, null, null), sla);
        assertEquals("New subject", c.getSubject());
        assertEquals("VAT", c.getDescription());
        assertEquals("Billing", c.getCategory());
        c.edit(new CaseEdit(null, null, true, SupportCase.Priority.URGENT, "Tax"), sla);
        assertNull(c.getDescription(), "clearDescription empties it");
        assertEquals("Tax", c.getCategory());
        assertEquals(at(Duration.ofHours(1)), c.getFirstResponseDueAt());
        assertEquals(at(Duration.ofHours(4)), c.getResolutionDueAt());
        assertTrue(new CaseEdit(null, null, false, null, null).isEmpty());
    }

    @Test
    void theFirstPublicAnswerBySomeoneElseIsTheFirstResponse() {
        SupportCase c = open(SupportCase.Priority.MEDIUM);
        assertFalse(c.answeredBy("opener", sla, at(Duration.ofMinutes(5))), "the opener's own comment is no response");
        assertNull(c.getFirstRespondedAt());
        assertTrue(c.answeredBy("agent", sla, at(Duration.ofMinutes(10))));
        assertEquals(at(Duration.ofMinutes(10)), c.getFirstRespondedAt());
        assertFalse(c.answeredBy("other", sla, at(Duration.ofMinutes(20))), "only the first answer counts");
        assertEquals(at(Duration.ofMinutes(10)), c.getFirstRespondedAt());
    }

    @Test
    void aStaleVersionIsAConcurrencyError() {
        SupportCase c = open(SupportCase.Priority.LOW);
        c.requireVersion(null);
        c.requireVersion(0L);
        refused(ErrorCode.CONCURRENCY, "expectedVersion", () -> c.requireVersion(1L));
    }
}
