package org.clientele.subscription;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long a failing subscription waits before the next delivery: exponential backoff with jitter. After the n-th
 * consecutive failure the ceiling is {@code base * 2^(n-1)}, at most {@code max}; the delay is drawn between half the
 * ceiling and the ceiling ("equal jitter"), so listeners that failed together do not all come back at the same moment.
 */
public final class RetryDelays {
    private final long baseMillis;
    private final long maxMillis;
    private final DoubleSupplier random;

    public RetryDelays(long baseMillis, long maxMillis, DoubleSupplier random) {
        if (baseMillis < 1 || maxMillis < baseMillis) {
            throw new IllegalArgumentException("need 1 <= base <= max, got " + baseMillis + " and " + maxMillis);
        }
        this.baseMillis = baseMillis;
        this.maxMillis = maxMillis;
        this.random = random;
    }

    /** The server's delays: base {@code clientele.notifications.retryBaseMillis} (1 s), max {@code ...retryMaxMillis} (10 min). */
    public static RetryDelays configured() {
        return new RetryDelays(Long.getLong("clientele.notifications.retryBaseMillis", 1_000),
                Long.getLong("clientele.notifications.retryMaxMillis", 600_000), Math::random);
    }

    /** The ceiling after {@code failures} consecutive failures (at least 1). */
    public long ceilingMillis(int failures) {
        long ceiling = baseMillis;
        for (int n = 1; n < failures && ceiling < maxMillis; n++) {
            ceiling = ceiling > maxMillis / 2 ? maxMillis : ceiling * 2;
        }
        return Math.min(ceiling, maxMillis);
    }

    /** The delay after {@code failures} consecutive failures. */
    public Duration after(int failures) {
        long ceiling = ceilingMillis(failures);
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (ceiling - half)));
    }
}
