package org.clientele.testhooks;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Test deployment only: named barriers where a request waits until a test releases it. */
public final class Barriers {
    static final Duration MAX_HOLD = Duration.ofSeconds(90);
    private static final Map<String, CountDownLatch> RELEASES = new ConcurrentHashMap<>();
    private static final Map<String, Integer> ARRIVED = new ConcurrentHashMap<>();

    private Barriers() {
    }

    static void hold(String token) {
        ARRIVED.merge(token, 1, Integer::sum);
        try {
            if (!RELEASES.computeIfAbsent(token, t -> new CountDownLatch(1)).await(MAX_HOLD.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("barrier " + token + " was never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted at barrier " + token, e);
        }
    }

    /** How many requests reached the barrier so far. */
    static int arrived(String token) {
        return ARRIVED.getOrDefault(token, 0);
    }

    static void release(String token) {
        RELEASES.computeIfAbsent(token, t -> new CountDownLatch(1)).countDown();
    }
}
