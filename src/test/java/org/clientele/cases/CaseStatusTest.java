package org.clientele.cases;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The case lifecycle, over every pair of statuses: the issue's moves are allowed, every other move is INVALID_STATE. */
class CaseStatusTest {

    /** The moves of issue #4, written out independently of CaseStatus. */
    private static final Set<String> LEGAL = Set.of(
            "NEW>OPEN", "OPEN>PENDING", "PENDING>OPEN", "OPEN>RESOLVED", "PENDING>RESOLVED",
            "RESOLVED>CLOSED", "RESOLVED>REOPENED", "CLOSED>REOPENED", "REOPENED>OPEN");

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (CaseStatus from : CaseStatus.values()) {
            for (CaseStatus to : CaseStatus.values()) {
                pairs.add(Arguments.of(from, to, LEGAL.contains(from + ">" + to)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}: legal={2}")
    @MethodSource("everyPair")
    void moveIsAllowedExactlyWhenTheIssueListsIt(CaseStatus from, CaseStatus to, boolean legal) {
        assertEquals(legal, from.canMoveTo(to));
        if (legal) {
            assertDoesNotThrow(() -> from.checkMoveTo(to));
        } else {
            CrmException e = assertThrows(CrmException.class, () -> from.checkMoveTo(to));
            assertEquals(ErrorCode.INVALID_STATE, e.code());
            assertEquals("status", e.field());
            // the message names every allowed move from the current status
            for (CaseStatus allowed : from.allowedMoves()) {
                assertTrue(e.getMessage().contains(allowed.name()), e.getMessage());
            }
            assertTrue(e.getMessage().startsWith("A " + from + " case cannot move to " + to), e.getMessage());
        }
    }

    @Test
    void everyStatusHasAWayOnAndTheTableIsComplete() {
        assertEquals(36, everyPair().count());
        assertEquals(LEGAL.size(), everyPair().filter(a -> (boolean) a.get()[2]).count());
        assertEquals("CLOSED, REOPENED", String.join(", ", CaseStatus.RESOLVED.allowedMoves().stream().map(Enum::name).sorted().toList()));
    }

    @Test
    void theSlaClockRunsOnlyWhileSomeoneMustAct() {
        assertTrue(CaseStatus.NEW.clockRuns());
        assertTrue(CaseStatus.OPEN.clockRuns());
        assertTrue(CaseStatus.REOPENED.clockRuns());
        assertEquals(false, CaseStatus.PENDING.clockRuns());
        assertEquals(false, CaseStatus.RESOLVED.clockRuns());
        assertEquals(false, CaseStatus.CLOSED.clockRuns());
    }
}
