package org.clientele.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The retry delays of a failing subscription: exponential, capped, and jittered between half and all of the ceiling. */
class RetryDelaysTest {

    @Test
    void theCeilingDoublesFromTheBaseUpToTheMaximum() {
        RetryDelays d = new RetryDelays(1_000, 600_000, () -> 1.0);
        assertEquals(1_000, d.ceilingMillis(1));
        assertEquals(2_000, d.ceilingMillis(2));
        assertEquals(4_000, d.ceilingMillis(3));
        assertEquals(512_000, d.ceilingMillis(10));
        assertEquals(600_000, d.ceilingMillis(11));
        assertEquals(600_000, d.ceilingMillis(10_000), "no overflow after very many failures");
        assertEquals(1_000, d.ceilingMillis(0), "the first retry waits at most the base");
    }

    @Test
    void theDelayLiesBetweenHalfTheCeilingAndTheCeiling() {
        assertEquals(Duration.ofMillis(2_000), new RetryDelays(1_000, 600_000, () -> 0.0).after(3));
        assertEquals(Duration.ofMillis(3_999), new RetryDelays(1_000, 600_000, () -> 0.9999).after(3));
        RetryDelays random = new RetryDelays(200, 2_000, Math::random);
        for (int i = 0; i < 1_000; i++) {
            long millis = random.after(5).toMillis();
            assertTrue(millis >= 1_000 && millis <= 2_000, "delay " + millis);
        }
    }

    @Test
    void nonsenseLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetryDelays(0, 10, Math::random));
        assertThrows(IllegalArgumentException.class, () -> new RetryDelays(10, 5, Math::random));
    }
}
