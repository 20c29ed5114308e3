package org.clientele.campaign;

import java.util.EnumSet;
import java.util.Set;

/**
 * The campaign lifecycle and its legal moves: PLANNED to ACTIVE or CANCELLED, ACTIVE to COMPLETED or CANCELLED;
 * COMPLETED and CANCELLED are final. Keeping the status is always allowed (an update of other fields).
 */
public enum CampaignStatus {
    PLANNED, ACTIVE, COMPLETED, CANCELLED;

    /** The statuses this one may move to (not counting itself). */
    public Set<CampaignStatus> next() {
        return switch (this) {
            case PLANNED -> EnumSet.of(ACTIVE, CANCELLED);
            case ACTIVE -> EnumSet.of(COMPLETED, CANCELLED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(CampaignStatus.class);
        };
    }

    /** Whether a campaign in this status may be changed to {@code target}. */
    public boolean mayMoveTo(CampaignStatus target) {
        return target == this || next().contains(target);
    }

    /** Whether a new campaign may start in this status. */
    public boolean initial() {
        return this == PLANNED || this == ACTIVE;
    }

    /** Whether members may be added or removed. */
    public boolean membersOpen() {
        return this == PLANNED || this == ACTIVE;
    }

    /** Whether responses may be recorded (late responses to a completed campaign still arrive). */
    public boolean responsesOpen() {
        return this == ACTIVE || this == COMPLETED;
    }
}
