package org.clientele.platform;

/** Lets tests outside this package stand in for a concurrent call that inserted the same idempotency key first. */
public final class IdempotencyRace {

    private IdempotencyRace() {
    }

    public static Idempotency.Raced raced() {
        return new Idempotency.Raced();
    }
}
