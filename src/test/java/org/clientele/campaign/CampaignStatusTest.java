package org.clientele.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every pair of campaign statuses, legal or not, and the statuses a new campaign may start in. */
class CampaignStatusTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "PLANNED,   PLANNED,   true",
            "PLANNED,   ACTIVE,    true",
            "PLANNED,   COMPLETED, false",
            "PLANNED,   CANCELLED, true",
            "ACTIVE,    PLANNED,   false",
            "ACTIVE,    ACTIVE,    true",
            "ACTIVE,    COMPLETED, true",
            "ACTIVE,    CANCELLED, true",
            "COMPLETED, PLANNED,   false",
            "COMPLETED, ACTIVE,    false",
            "COMPLETED, COMPLETED, true",
            "COMPLETED, CANCELLED, false",
            "CANCELLED, PLANNED,   false",
            "CANCELLED, ACTIVE,    false",
            "CANCELLED, COMPLETED, false",
            "CANCELLED, CANCELLED, true"})
    void moves(CampaignStatus from, CampaignStatus to, boolean legal) {
        assertEquals(legal, from.mayMoveTo(to));
        if (legal) {
            CampaignRules.move(7, from, to);
        } else {
            CrmException e = assertThrows(CrmException.class, () -> CampaignRules.move(7, from, to));
            assertEquals(ErrorCode.INVALID_STATE, e.code());
            assertEquals("status", e.field());
            assertTrue(e.getMessage().contains("from " + from + " to " + to), e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "PLANNED,   'allowed: ACTIVE or CANCELLED'",
            "ACTIVE,    'allowed: CANCELLED or COMPLETED'",
            "COMPLETED, 'allowed: none, COMPLETED is final'",
            "CANCELLED, 'allowed: none, CANCELLED is final'"})
    void refusalNamesTheAllowedMoves(CampaignStatus from, String allowed) {
        CampaignStatus illegal = from == CampaignStatus.PLANNED ? CampaignStatus.COMPLETED : CampaignStatus.PLANNED;
        CrmException e = assertThrows(CrmException.class, () -> CampaignRules.move(7, from, illegal));
        assertTrue(e.getMessage().endsWith(allowed), e.getMessage());
    }

    @ParameterizedTest(name = "new campaign in {0}: {1}")
    @CsvSource({"PLANNED, true", "ACTIVE, true", "COMPLETED, false", "CANCELLED, false"})
    void initialStatuses(CampaignStatus status, boolean allowed) {
        if (allowed) {
            assertEquals(status, CampaignRules.initialStatus(status));
        } else {
            CrmException e = assertThrows(CrmException.class, () -> CampaignRules.initialStatus(status));
            assertEquals(ErrorCode.INVALID_STATE, e.code());
        }
    }

    @ParameterizedTest(name = "{0}: members open {1}, responses open {2}")
    @CsvSource({"PLANNED, true, false", "ACTIVE, true, true", "COMPLETED, false, true", "CANCELLED, false, false"})
    void whatEachStatusAllows(CampaignStatus status, boolean members, boolean responses) {
        assertEquals(members, status.membersOpen());
        assertEquals(responses, status.responsesOpen());
    }
}
