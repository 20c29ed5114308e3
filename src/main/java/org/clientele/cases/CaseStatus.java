package org.clientele.cases;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;

/**
 * The lifecycle of a case and its only allowed moves: NEW to OPEN; OPEN to PENDING or RESOLVED; PENDING to OPEN or
 * RESOLVED; RESOLVED to CLOSED or REOPENED; CLOSED to REOPENED; REOPENED to OPEN. A NEW case must be taken up (OPEN)
 * before it can wait or be resolved, so every resolution passes through an agent's hands.
 */
public enum CaseStatus {
    NEW, OPEN, PENDING, RESOLVED, CLOSED, REOPENED;

    /** The statuses this one may move to. */
    public Set<CaseStatus> allowedMoves() {
        return switch (this) {
            case NEW -> EnumSet.of(OPEN);
            case OPEN -> EnumSet.of(PENDING, RESOLVED);
            case PENDING -> EnumSet.of(OPEN, RESOLVED);
            case RESOLVED -> EnumSet.of(CLOSED, REOPENED);
            case CLOSED -> EnumSet.of(REOPENED);
            case REOPENED -> EnumSet.of(OPEN);
        };
    }

    public boolean canMoveTo(CaseStatus target) {
        return allowedMoves().contains(target);
    }

    /** Whether the SLA clock runs in this status (it is stopped while PENDING, RESOLVED or CLOSED). */
    public boolean clockRuns() {
        return this == NEW || this == OPEN || this == REOPENED;
    }

    /** Fails with INVALID_STATE, naming the allowed moves, unless this status may move to the target. */
    public void checkMoveTo(CaseStatus target) {
        if (!canMoveTo(target)) {
            String allowed = allowedMoves().stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
            throw new CrmException(ErrorCode.INVALID_STATE, "A " + this + " case cannot move to " + target
                    + "; from " + this + " it may move to: " + allowed, "status");
        }
    }
}
