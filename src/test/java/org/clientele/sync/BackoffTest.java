package org.clientele.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The sequencer's pause doubles per consecutive failure up to the maximum, and one success resets it. */
class BackoffTest {

    @Test
    void pauseDoublesUpToTheMaximumAndResetsOnSuccess() {
        Backoff backoff = new Backoff(100, 2_000);
        assertEquals(Long.MIN_VALUE, backoff.nextAttemptNanos());
        long now = 5_000_000_000L;
        assertEquals(100, backoff.failed(now));
        assertEquals(now + TimeUnit.MILLISECONDS.toNanos(100), backoff.nextAttemptNanos());
        assertEquals(200, backoff.failed(now));
        assertEquals(400, backoff.failed(now));
        assertEquals(800, backoff.failed(now));
        assertEquals(1_600, backoff.failed(now));
        assertEquals(2_000, backoff.failed(now));
        for (int i = 0; i < 100; i++) {
            assertEquals(2_000, backoff.failed(now));
        }
        assertEquals(106, backoff.succeeded());
        assertEquals(Long.MIN_VALUE, backoff.nextAttemptNanos());
        assertEquals(100, backoff.failed(now));
    }
}
