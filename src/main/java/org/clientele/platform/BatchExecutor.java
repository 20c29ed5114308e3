package org.clientele.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Executes the items of a batch call with the contract's rules: at most 200 items, one outcome per item
 * in order, and allOrNone rolling back every item when one fails.
 *
 * <p>The fast path runs all items in the request's transaction (opened by the SOAP edge, together with the nonce,
 * the idempotency claim and the audit row). Item operations check their rules before they change anything, so a rule
 * violation fails only its item. When an allOrNone batch has a failed item, or the database itself refuses the batch
 * (a unique key taken meanwhile, a concurrent update), the request's transaction must roll back as a whole: the batch
 * throws {@link Redo} and the edge runs the request again in a new transaction — with the outcomes already known
 * (allOrNone), or precisely: each item in its own transaction, or for allOrNone in one transaction flushed after every
 * item, so the failure is pinned on the item that caused it.
 *
 * <p>An item whose outcome needs what only a flush assigns (the new version of an updated entity) hands its last
 * step to {@link #afterFlush}: it runs once after the batch's single flush instead of flushing per item, because
 * every flush dirty-checks every entity the batch has touched so far, which made 200-item updates quadratic.
 */
@ApplicationScoped
public class BatchExecutor {

    @Inject
    Transactions transactions;

    @PersistenceContext(unitName = "clientele")
    EntityManager em;

    /** Stands in for an outcome until its {@link #afterFlush} completion has run. */
    private static final ItemOutcome PENDING = ItemOutcome.failed(ErrorCode.INTERNAL, "outcome pending until the flush");

    /** The completions registered by the item running on this thread, by item index. */
    private static final ThreadLocal<Completions> COMPLETIONS = new ThreadLocal<>();

    private static final class Completions {
        private int index;
        private List<ItemOutcome> outcomes;
        private final Map<Integer, Supplier<ItemOutcome>> byIndex = new LinkedHashMap<>();
    }

    /**
     * Finishes the current item after the batch's flush, in the same transaction and before outcomes are recorded:
     * for steps that need the version the flush assigns (the change-feed row, the outcome). Returns a placeholder
     * that the batch replaces with the completion's outcome. Outside a batch it flushes and completes at once.
     */
    public ItemOutcome afterFlush(Supplier<ItemOutcome> completion) {
        Completions completions = COMPLETIONS.get();
        if (completions == null) {
            em.flush();
            return completion.get();
        }
        completions.byIndex.put(completions.index, completion);
        return PENDING;
    }

    /**
     * Flushes now and completes the items waiting for a flush: for an item that must see in the database what the
     * earlier items of its batch did (a key they released), or that changes an entity an earlier item changed (so
     * each item gets its own version, and its expected version is checked against the one before it).
     */
    public void flushPending() {
        em.flush();
        Completions completions = COMPLETIONS.get();
        if (completions != null && completions.outcomes != null) {
            complete(completions, completions.outcomes);
        }
    }

    /** Runs one item with completions collected for it; a failed item leaves none behind. */
    private static <I> ItemOutcome apply(Completions completions, int index, I item, Function<I, ItemOutcome> op) {
        completions.index = index;
        try {
            return op.apply(item);
        } catch (RuntimeException e) {
            completions.byIndex.remove(index);
            throw e;
        }
    }

    /** After a flush: runs the pending completions, puts their outcomes in place and flushes what they wrote. */
    private void complete(Completions completions, List<ItemOutcome> outcomes) {
        if (completions.byIndex.isEmpty()) {
            return;
        }
        for (Map.Entry<Integer, Supplier<ItemOutcome>> e : completions.byIndex.entrySet()) {
            outcomes.set(e.getKey(), e.getValue().get());
        }
        completions.byIndex.clear();
        em.flush();
    }

    /** Signals an allOrNone batch that must roll back, carrying the outcomes to report. */
    private static final class AllOrNoneRollback extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<ItemOutcome> outcomes;

        AllOrNoneRollback(List<ItemOutcome> outcomes) {
            super(null, null, false, false);
            this.outcomes = outcomes;
        }
    }

    /** Whether this thread runs the precise second attempt of a request (see {@link #precisely}). */
    private static final ThreadLocal<Boolean> PRECISE = new ThreadLocal<>();

    /** Whether this thread runs a request's precise second attempt, where every item is flushed on its own. */
    public static boolean isPrecise() {
        return Boolean.TRUE.equals(PRECISE.get());
    }

    /** Runs the request's work with batches in precise mode: the second attempt after a {@link Redo#precisely()}. */
    public static <T> T precisely(Supplier<T> work) {
        PRECISE.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            PRECISE.remove();
        }
    }

    public <I> List<ItemOutcome> execute(String field, List<I> items, boolean allOrNone, Function<I, ItemOutcome> op) {
        Limits.checkBatch(field, items.size());
        if (!Boolean.TRUE.equals(PRECISE.get())) {
            try {
                return fastPath(items, allOrNone, op);
            } catch (AllOrNoneRollback rollback) {
                throw Redo.withOutcomes(rollback.outcomes);
            } catch (RuntimeException failure) {
                CrmException classified = Failures.classify(failure);
                if (classified.code() == ErrorCode.UNAVAILABLE || classified.code() == ErrorCode.INTERNAL) {
                    throw classified;
                }
                throw Redo.precisely();
            }
        }
        if (allOrNone) {
            try {
                return preciseAllOrNone(items, op);
            } catch (AllOrNoneRollback rollback) {
                throw Redo.withOutcomes(rollback.outcomes);
            }
        }
        List<ItemOutcome> outcomes = new ArrayList<>(items.size());
        for (I item : items) {
            try {
                outcomes.add(transactions.inNewTransaction(() -> withCompletions(completions -> {
                    List<ItemOutcome> one = new ArrayList<>(1);
                    completions.outcomes = one;
                    one.add(apply(completions, 0, item, op));
                    em.flush();
                    complete(completions, one);
                    return one.get(0);
                })));
            } catch (RuntimeException failure) {
                CrmException classified = Failures.classify(failure);
                if (classified.code() == ErrorCode.UNAVAILABLE) {
                    throw classified;
                }
                outcomes.add(ItemOutcome.failed(classified));
            }
        }
        return outcomes;
    }

    /** Runs work with a fresh set of completions bound to this thread. */
    private static <T> T withCompletions(Function<Completions, T> work) {
        Completions previous = COMPLETIONS.get();
        Completions completions = new Completions();
        COMPLETIONS.set(completions);
        try {
            return work.apply(completions);
        } finally {
            if (previous == null) {
                COMPLETIONS.remove();
            } else {
                COMPLETIONS.set(previous);
            }
        }
    }

    private <I> List<ItemOutcome> fastPath(List<I> items, boolean allOrNone, Function<I, ItemOutcome> op) {
        return withCompletions(completions -> {
            List<ItemOutcome> outcomes = new ArrayList<>(items.size());
            completions.outcomes = outcomes;
            int firstFailure = -1;
            for (int i = 0; i < items.size(); i++) {
                try {
                    outcomes.add(apply(completions, i, items.get(i), op));
                } catch (CrmException e) {
                    outcomes.add(ItemOutcome.failed(e));
                    if (firstFailure < 0) {
                        firstFailure = i;
                    }
                }
            }
            if (allOrNone && firstFailure >= 0) {
                throw new AllOrNoneRollback(rolledBack(outcomes, firstFailure, items.size()));
            }
            em.flush();
            complete(completions, outcomes);
            return outcomes;
        });
    }

    private <I> List<ItemOutcome> preciseAllOrNone(List<I> items, Function<I, ItemOutcome> op) {
        return withCompletions(completions -> preciseAllOrNone(completions, items, op));
    }

    private <I> List<ItemOutcome> preciseAllOrNone(Completions completions, List<I> items, Function<I, ItemOutcome> op) {
        List<ItemOutcome> outcomes = new ArrayList<>(items.size());
        completions.outcomes = outcomes;
        for (int i = 0; i < items.size(); i++) {
            try {
                outcomes.add(apply(completions, i, items.get(i), op));
                em.flush();
                complete(completions, outcomes);
            } catch (RuntimeException failure) {
                CrmException classified = Failures.classify(failure);
                if (classified.code() == ErrorCode.UNAVAILABLE) {
                    throw classified;
                }
                if (outcomes.size() > i) {
                    outcomes.set(i, ItemOutcome.failed(classified));
                } else {
                    outcomes.add(ItemOutcome.failed(classified));
                }
                throw new AllOrNoneRollback(rolledBack(outcomes, i, items.size()));
            }
        }
        return outcomes;
    }

    /** Every item but the failed ones becomes ROLLED_BACK; items never reached are reported the same way. */
    static List<ItemOutcome> rolledBack(List<ItemOutcome> outcomes, int firstFailure, int size) {
        List<ItemOutcome> result = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            ItemOutcome o = i < outcomes.size() ? outcomes.get(i) : null;
            result.add(o != null && o != PENDING && !o.success() ? o : ItemOutcome.rolledBack(firstFailure + 1));
        }
        return result;
    }
}
