package org.clientele.platform;

import java.util.List;

/**
 * Thrown out of a request's transaction to roll it back as a whole and have the SOAP edge run the request again in a
 * new one: either with the item outcomes already decided (an allOrNone batch with a failed item: nothing of it may
 * commit, but its outcome, idempotency record and audit row must), or precisely, item by item (the database refused
 * the batch as a whole, see {@link BatchExecutor}).
 */
public final class Redo extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<ItemOutcome> outcomes;

    private Redo(List<ItemOutcome> outcomes) {
        super(null, null, false, false);
        this.outcomes = outcomes;
    }

    /** Run again recording these outcomes without executing anything. */
    public static Redo withOutcomes(List<ItemOutcome> outcomes) {
        return new Redo(List.copyOf(outcomes));
    }

    /** Run again with batches executed precisely, item by item. */
    public static Redo precisely() {
        return new Redo(null);
    }

    /** The decided outcomes, or null for a precise second run. */
    public List<ItemOutcome> outcomes() {
        return outcomes;
    }
}
