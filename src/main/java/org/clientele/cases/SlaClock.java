package org.clientele.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The SLA clock of cases. Due times are kept on the case (so "overdue" is a SQL filter): first response due at
 * opening + first-response target + time spent PENDING; resolution due at the start of the current resolution cycle
 * (opening, or the last reopen) + resolution target + time spent PENDING since. While PENDING the clock is stopped:
 * leaving PENDING moves every due time not yet met later by the pause. A priority change recomputes the due times
 * not yet met. A case is overdue when its clock runs (NEW, OPEN, REOPENED) and a due time not yet met has passed.
 *
 * <p>First response: the first PUBLIC comment by someone other than the user who opened the case, or the case's
 * resolution, whichever comes first.
 */
public final class SlaClock {
    private final SlaPolicy policy;
    private final Clock clock;

    public SlaClock(SlaPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** The current time, at the database's precision (microseconds). */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Sets the SLA state of a case opened now. */
    public void start(SupportCase c, Instant now) {
        c.setOpenedAt(now);
        c.setClockStartedAt(now);
        c.setPausedMillis(0);
        c.setPausedSince(null);
        recompute(c);
    }

    /** Recomputes the due times not yet met from the case's (new) priority. */
    public void priorityChanged(SupportCase c) {
        recompute(c);
    }

    /** Applies a status move that {@link CaseStatus#checkMoveTo} allowed to the SLA state. */
    public void moved(SupportCase c, CaseStatus from, CaseStatus to, Instant now) {
        if (from == CaseStatus.PENDING) {
            Duration pause = Duration.between(c.getPausedSince(), now);
            c.setPausedMillis(c.getPausedMillis() + Math.max(0, pause.toMillis()));
            c.setPausedSince(null);
            recompute(c);
        }
        switch (to) {
            case PENDING -> c.setPausedSince(now);
            case RESOLVED -> {
                responded(c, now);
                c.setResolvedAt(now);
            }
            case REOPENED -> {
                // a new resolution cycle; the first response stays met (a resolution counts as one)
                c.setResolvedAt(null);
                c.setClockStartedAt(now);
                c.setPausedMillis(0);
                recompute(c);
            }
            default -> {
                // NEW, OPEN and CLOSED change no SLA state
            }
        }
    }

    /** Records the first response, if the case had none. Returns whether it changed the case. */
    public boolean responded(SupportCase c, Instant now) {
        if (c.getFirstRespondedAt() != null) {
            return false;
        }
        c.setFirstRespondedAt(now);
        return true;
    }

    /** Whether the case is overdue at {@code now}. */
    public static boolean overdue(SupportCase c, Instant now) {
        if (!c.getStatus().clockRuns()) {
            return false;
        }
        return (c.getFirstRespondedAt() == null && now.isAfter(c.getFirstResponseDueAt()))
                || (c.getResolvedAt() == null && now.isAfter(c.getResolutionDueAt()));
    }

    private void recompute(SupportCase c) {
        SlaPolicy.Targets t = policy.targets(c.getPriority());
        Duration paused = Duration.ofMillis(c.getPausedMillis());
        if (c.getFirstRespondedAt() == null) {
            // until the first response the clock started at opening (a reopen needs a resolution, which is a response)
            c.setFirstResponseDueAt(c.getOpenedAt().plus(t.firstResponse()).plus(paused));
        }
        if (c.getResolvedAt() == null) {
            c.setResolutionDueAt(c.getClockStartedAt().plus(t.resolution()).plus(paused));
        }
    }
}
