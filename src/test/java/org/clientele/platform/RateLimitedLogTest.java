package org.clientele.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One line per kind per interval, with the count of what was left out; the clock is the test's. */
class RateLimitedLogTest {
    private final Logger logger = Logger.getLogger("test.RateLimitedLog." + System.nanoTime());
    private final List<String> lines = new ArrayList<>();
    private final AtomicLong now = new AtomicLong(1_000);
    private final RateLimitedLog log = new RateLimitedLog(logger, 30_000, now::get);

    @BeforeEach
    void capture() {
        logger.setUseParentHandlers(false);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    @AfterEach
    void release() {
        for (Handler h : logger.getHandlers()) {
            logger.removeHandler(h);
        }
    }

    private void advanceSeconds(long s) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(s));
    }

    @Test
    void firstOccurrenceIsLoggedAndRepeatsWithinTheIntervalAreCounted() {
        assertTrue(log.log(Level.WARNING, "UNREACHABLE", "database unreachable"));
        for (int i = 0; i < 1000; i++) {
            advanceSeconds(0);
            assertFalse(log.log(Level.WARNING, "UNREACHABLE", "database unreachable"));
        }
        advanceSeconds(29);
        assertFalse(log.log(Level.WARNING, "UNREACHABLE", "database unreachable"));
        assertEquals(List.of("[UNREACHABLE] database unreachable"), lines);

        advanceSeconds(1);
        assertTrue(log.log(Level.WARNING, "UNREACHABLE", "database unreachable"));
        assertEquals(2, lines.size());
        assertEquals("[UNREACHABLE] database unreachable (1001 more since the last report of this kind)", lines.get(1));
    }

    @Test
    void kindsAreLimitedSeparately() {
        assertTrue(log.log(Level.WARNING, "UNREACHABLE", "a"));
        assertTrue(log.log(Level.WARNING, "POOL_EXHAUSTED", "b"));
        assertFalse(log.log(Level.WARNING, "UNREACHABLE", "a"));
        assertFalse(log.log(Level.WARNING, "POOL_EXHAUSTED", "b"));
        assertEquals(2, lines.size());
    }

    @Test
    void resetLogsTheNextOccurrenceAtOnce() {
        assertTrue(log.log(Level.WARNING, "UNREACHABLE", "a"));
        log.reset("UNREACHABLE");
        assertTrue(log.log(Level.WARNING, "UNREACHABLE", "a"));
        assertEquals(2, lines.size());
    }
}
