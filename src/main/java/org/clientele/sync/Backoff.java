package org.clientele.sync;

import java.util.concurrent.TimeUnit;

/**
 * Exponential backoff for a periodic task: after each consecutive failure the pause doubles, from the task's
 * period up to a maximum; one success resets it. Not thread-safe beyond what a single scheduled task needs
 * (its fields are only touched by the task, which never runs concurrently with itself).
 */
final class Backoff {
    private final long minMillis;
    private final long maxMillis;
    private volatile long nextAttemptNanos = Long.MIN_VALUE;
    private volatile long failures;

    Backoff(long minMillis, long maxMillis) {
        this.minMillis = minMillis;
        this.maxMillis = maxMillis;
    }

    /** The System.nanoTime() before which the task should not run again; Long.MIN_VALUE when it may run now. */
    long nextAttemptNanos() {
        return nextAttemptNanos;
    }

    /** Records a failure at {@code nowNanos}; returns the pause before the next attempt, in milliseconds. */
    long failed(long nowNanos) {
        long n = ++failures;
        long pause = minMillis << Math.min(n - 1, 20);
        pause = Math.min(Math.max(pause, minMillis), maxMillis);
        nextAttemptNanos = nowNanos + TimeUnit.MILLISECONDS.toNanos(pause);
        return pause;
    }

    /** Records a success; returns how many failures came before it. */
    long succeeded() {
        long n = failures;
        failures = 0;
        nextAttemptNanos = Long.MIN_VALUE;
        return n;
    }
}
