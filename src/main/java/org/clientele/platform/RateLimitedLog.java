package org.clientele.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs one line per incident kind per interval: the first occurrence of a kind is logged at once, later ones
 * within the interval are only counted, and the next line of that kind says how many were left out. A database
 * outage therefore costs a few lines a minute, not a stack trace per request or per retry.
 */
public final class RateLimitedLog {
    /** The interval used by the server: one line per kind every 30 seconds. */
    public static final long DEFAULT_INTERVAL_MILLIS = 30_000;

    private final Logger log;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private static final class Window {
        private long lastLogged;
        private final AtomicLong suppressed = new AtomicLong();

        Window(long lastLogged) {
            this.lastLogged = lastLogged;
        }
    }

    public RateLimitedLog(Logger log, long intervalMillis, LongSupplier nanoClock) {
        this.log = log;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.nanoClock = nanoClock;
    }

    public RateLimitedLog(Logger log) {
        this(log, DEFAULT_INTERVAL_MILLIS, System::nanoTime);
    }

    /**
     * Logs {@code message} under {@code kind} at {@code level} unless a line of that kind was logged within the
     * interval; returns whether it logged.
     */
    public boolean log(Level level, String kind, String message) {
        long now = nanoClock.getAsLong();
        Window fresh = new Window(now);
        Window window = windows.putIfAbsent(kind, fresh);
        long left;
        if (window == null) {
            left = 0;
        } else {
            synchronized (window) {
                if (now - window.lastLogged < intervalNanos) {
                    window.suppressed.incrementAndGet();
                    return false;
                }
                window.lastLogged = now;
                left = window.suppressed.getAndSet(0);
            }
        }
        if (log.isLoggable(level)) {
            String suffix = left == 0 ? "" : " (" + left + " more since the last report of this kind)";
            log.log(level, "[" + kind + "] " + message + suffix);
        }
        return true;
    }

    /** Forgets a kind, so that its next occurrence is logged at once (e.g. once the incident is over). */
    public void reset(String kind) {
        windows.remove(kind);
    }
}
