package org.clientele.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Executes the items of a batch call with the contract's rules: at most 200 items, one outcome per item
 * in order, and allOrNone rolling back every item when one fails.
 *
 * <p>The fast path runs all items in one transaction. Item operations check their rules before they
 * change anything, so a rule violation fails only its item. When the database itself refuses the batch
 * (a unique key taken meanwhile, a concurrent update), the batch is redone precisely: each item in its own
 * transaction, or for allOrNone in one transaction flushed after every item, so the failure is pinned on
 * the item that caused it.
 *
 * <p>When the request carries an idempotency key, the outcomes are recorded in the same transaction as the
 * items (see {@link Idempotency}); only the item-by-item path records them after its last transaction.
 */
@ApplicationScoped
public class BatchExecutor {

    @Inject
    Transactions transactions;

    @PersistenceContext(unitName = "clientele")
    EntityManager em;

    @Inject
    Idempotency idempotency;

    /** Signals an allOrNone batch that must roll back, carrying the outcomes to report. */
    private static final class AllOrNoneRollback extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<ItemOutcome> outcomes;

        AllOrNoneRollback(List<ItemOutcome> outcomes) {
            super(null, null, false, false);
            this.outcomes = outcomes;
        }
    }

    public <I> List<ItemOutcome> execute(String field, List<I> items, boolean allOrNone, Function<I, ItemOutcome> op) {
        Limits.checkBatch(field, items.size());
        try {
            return transactions.inNewTransaction(() -> fastPath(items, allOrNone, op));
        } catch (AllOrNoneRollback rollback) {
            return rollback.outcomes;
        } catch (RuntimeException failure) {
            CrmException classified = Failures.classify(failure);
            if (classified.code() == ErrorCode.UNAVAILABLE || classified.code() == ErrorCode.INTERNAL) {
                throw classified;
            }
        }
        if (allOrNone) {
            try {
                return transactions.inNewTransaction(() -> preciseAllOrNone(items, op));
            } catch (AllOrNoneRollback rollback) {
                return rollback.outcomes;
            }
        }
        List<ItemOutcome> outcomes = new ArrayList<>(items.size());
        for (I item : items) {
            try {
                outcomes.add(transactions.inNewTransaction(() -> {
                    ItemOutcome outcome = op.apply(item);
                    em.flush();
                    return outcome;
                }));
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

    private <I> List<ItemOutcome> fastPath(List<I> items, boolean allOrNone, Function<I, ItemOutcome> op) {
        List<ItemOutcome> outcomes = new ArrayList<>(items.size());
        int firstFailure = -1;
        for (int i = 0; i < items.size(); i++) {
            try {
                outcomes.add(op.apply(items.get(i)));
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
        idempotency.recordInCurrentTransaction(outcomes);
        return outcomes;
    }

    private <I> List<ItemOutcome> preciseAllOrNone(List<I> items, Function<I, ItemOutcome> op) {
        List<ItemOutcome> outcomes = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            try {
                outcomes.add(op.apply(items.get(i)));
                em.flush();
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
        idempotency.recordInCurrentTransaction(outcomes);
        return outcomes;
    }

    /** Every item but the failed ones becomes ROLLED_BACK; items never reached are reported the same way. */
    static List<ItemOutcome> rolledBack(List<ItemOutcome> outcomes, int firstFailure, int size) {
        List<ItemOutcome> result = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            ItemOutcome o = i < outcomes.size() ? outcomes.get(i) : null;
            result.add(o != null && !o.success() ? o : ItemOutcome.rolledBack(firstFailure + 1));
        }
        return result;
    }
}
