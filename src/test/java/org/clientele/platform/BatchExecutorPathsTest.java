package org.clientele.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.clientele.platform.FakeUnitOfWork.Flush;
import org.clientele.platform.FakeUnitOfWork.Write;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

/**
 * Proves the paths of {@link BatchExecutor} against a fake database: the fast path runs every item in the request's
 * transaction with one flush and completes {@link BatchExecutor#afterFlush} items after it in item order; an allOrNone
 * batch with a failed item and a batch the database refuses throw {@link Redo}; the precise run gives each item its own
 * transaction, or for allOrNone flushes after every item, so the failure is pinned on the item that caused it.
 */
class BatchExecutorPathsTest {

    private static final String ROLLED_BACK_BY_ITEM_2 = "ROLLED_BACK: Not applied: allOrNone is set and item 2 failed";

    private final FakeUnitOfWork db = new FakeUnitOfWork();
    private final BatchExecutor batches = db.batches();

    /** Items that break a rule before they change anything. */
    private final Set<String> invalid = new HashSet<>();
    /** Items that report the version their flush assigns and write a change-feed row after it. */
    private final Set<String> versioned = new HashSet<>();
    /** The items run, in order, every attempt included. */
    private final List<String> ran = new ArrayList<>();
    /** How often each item's afterFlush completion ran. */
    private final Map<String, Integer> completions = new LinkedHashMap<>();

    /** An item of the test batches: "a" is customer 1, "b" customer 2, and so on. */
    private ItemOutcome run(String item) {
        ran.add(item);
        if (invalid.contains(item)) {
            throw CrmException.validation("name", "Customer " + item + " has no name");
        }
        db.write(item);
        if (!versioned.contains(item)) {
            return ItemOutcome.applied(id(item), 1);
        }
        return batches.afterFlush(() -> {
            completions.merge(item, 1, Integer::sum);
            db.write("feed " + item);
            return ItemOutcome.applied(id(item), 2);
        });
    }

    private static long id(String item) {
        return item.charAt(0) - 'a' + 1;
    }

    private List<ItemOutcome> fast(List<String> items, boolean allOrNone) {
        return db.inRequest(() -> batches.execute("customer", items, allOrNone, this::run));
    }

    private List<ItemOutcome> precise(List<String> items, boolean allOrNone) {
        return BatchExecutor.precisely(() -> db.inRequest(() -> batches.execute("customer", items, allOrNone, this::run)));
    }

    /** An outcome in one line: "1 v2" for customer 1 at version 2, else the error code with its field or message. */
    private static String describe(ItemOutcome o) {
        if (o.success()) {
            return o.id() + " v" + o.version();
        }
        if (o.errorCode() == ErrorCode.ROLLED_BACK) {
            return o.errorCode() + ": " + o.message();
        }
        return o.field() == null ? o.errorCode().name() : o.errorCode() + " " + o.field();
    }

    private static List<String> describe(List<ItemOutcome> outcomes) {
        return outcomes.stream().map(BatchExecutorPathsTest::describe).toList();
    }

    /** What PostgreSQL reports when another customer took the external key meanwhile. */
    private static RuntimeException keyTaken() {
        String refusal = "ERROR: duplicate key value violates unique constraint \"uq_external_key\"";
        return new ConstraintViolationException("could not execute statement [" + refusal + "] [insert into external_key ...]",
                new SQLException(refusal, "23505"), "uq_external_key");
    }

    private static RuntimeException connectionLost() {
        return new PersistenceException("could not execute statement",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"));
    }

    // --- the fast path

    @Test
    void theFastPathRunsEveryItemInTheRequestsTransactionWithOneFlush() {
        List<ItemOutcome> outcomes = fast(List.of("a", "b", "c"), false);

        assertEquals(List.of("1 v1", "2 v1", "3 v1"), describe(outcomes));
        assertEquals(List.of(new Write("a", 1), new Write("b", 1), new Write("c", 1)), db.writes());
        assertEquals(List.of(new Flush(1, List.of("a", "b", "c"))), db.flushes());
        assertEquals(1, db.opened());
        assertEquals(List.of("a", "b", "c"), db.committed());
    }

    @Test
    void afterFlushCompletionsRunOnceAfterTheSingleFlushInItemOrder() {
        versioned.addAll(List.of("a", "c"));

        List<ItemOutcome> outcomes = fast(List.of("a", "b", "c"), false);

        assertEquals(List.of("1 v2", "2 v1", "3 v2"), describe(outcomes));
        assertEquals(List.of("begin 1", "write a", "write b", "write c", "flush [a, b, c]",
                "write feed a", "write feed c", "flush [feed a, feed c]", "commit 1"), db.events());
        assertEquals(Map.of("a", 1, "c", 1), completions);
    }

    @Test
    void aRuleViolationInAnOrdinaryBatchFailsOnlyItsItem() {
        invalid.add("b");

        List<ItemOutcome> outcomes = fast(List.of("a", "b", "c"), false);

        assertEquals(List.of("1 v1", "VALIDATION name", "3 v1"), describe(outcomes));
        assertEquals("Customer b has no name", outcomes.get(1).message());
        assertEquals(List.of(new Flush(1, List.of("a", "c"))), db.flushes());
        assertEquals(List.of("a", "c"), db.committed());
    }

    @Test
    void aFailedItemLeavesNoCompletionBehind() {
        versioned.addAll(List.of("a", "c"));
        Function<String, ItemOutcome> op = item -> {
            if (!item.equals("b")) {
                return run(item);
            }
            batches.afterFlush(() -> {
                completions.merge(item, 1, Integer::sum);
                return ItemOutcome.applied(2, 2);
            });
            throw new CrmException(ErrorCode.INVALID_STATE, "Customer b was merged meanwhile");
        };

        List<ItemOutcome> outcomes = db.inRequest(() -> batches.execute("customer", List.of("a", "b", "c"), false, op));

        assertEquals(List.of("1 v2", "INVALID_STATE", "3 v2"), describe(outcomes));
        assertEquals(Map.of("a", 1, "c", 1), completions);
    }

    @Test
    void anAllOrNoneBatchWithAFailedItemThrowsRedoWithTheKnownOutcomes() {
        invalid.add("b");
        versioned.add("c");

        Redo redo = assertThrows(Redo.class, () -> fast(List.of("a", "b", "c"), true));

        assertEquals(List.of(ROLLED_BACK_BY_ITEM_2, "VALIDATION name", ROLLED_BACK_BY_ITEM_2), describe(redo.outcomes()));
        assertEquals(List.of("a", "b", "c"), ran);
        assertEquals(List.of(), db.flushes(), "nothing of a failed allOrNone batch is flushed");
        assertEquals(Map.of(), completions, "the waiting item is reported rolled back, not completed");
        assertEquals(List.of(1), db.rolledBack());
        assertEquals(List.of(), db.committed());
    }

    @Test
    void aDatabaseRefusalOfTheBatchThrowsRedoToRunItPrecisely() {
        db.refuseOnFlush("b", BatchExecutorPathsTest::keyTaken);

        Redo redo = assertThrows(Redo.class, () -> fast(List.of("a", "b", "c"), false));

        assertNull(redo.outcomes(), "a precise redo decides nothing in advance");
        assertEquals(List.of(new Flush(1, List.of("a", "b", "c"))), db.flushes());
        assertEquals(List.of(1), db.rolledBack());
        assertEquals(List.of(), db.committed());
    }

    @Test
    void aConcurrentUpdateFoundByTheFlushThrowsRedoToRunItPrecisely() {
        db.refuseOnFlush("c", () -> new OptimisticLockException("Row was updated or deleted by another transaction"));

        Redo redo = assertThrows(Redo.class, () -> fast(List.of("a", "b", "c"), true));

        assertNull(redo.outcomes());
        assertEquals(List.of(1), db.rolledBack());
    }

    @Test
    void anUnavailableDatabaseFailsTheRequestWithoutARedo() {
        db.refuseOnFlush("b", BatchExecutorPathsTest::connectionLost);

        CrmException e = assertThrows(CrmException.class, () -> fast(List.of("a", "b"), false));

        assertEquals(ErrorCode.UNAVAILABLE, e.code());
        assertEquals(Failures.UNAVAILABLE_RETRY_AFTER, e.retryAfterSeconds());
        assertEquals(List.of(1), db.rolledBack());
    }

    @Test
    void anUnexpectedFailureFailsTheRequestAsInternalWithoutARedo() {
        Function<String, ItemOutcome> broken = item -> {
            throw new IllegalStateException("a bug in the item");
        };

        CrmException e = assertThrows(CrmException.class,
                () -> db.inRequest(() -> batches.execute("customer", List.of("a", "b"), false, broken)));

        assertEquals(ErrorCode.INTERNAL, e.code());
        assertEquals(List.of(), db.flushes());
    }

    @Test
    void flushPendingCompletesTheEarlierItemsBeforeALaterItemChangesTheSameCustomer() {
        versioned.addAll(List.of("a1", "b1", "a2"));
        EarlierItems earlier = new EarlierItems(batches);
        Function<String, ItemOutcome> op = item -> run(earlier.see(item.charAt(0), item));

        List<ItemOutcome> outcomes = db.inRequest(() -> batches.execute("customer", List.of("a1", "b1", "a2"), false, op));

        assertEquals(List.of("1 v2", "2 v2", "1 v2"), describe(outcomes));
        assertEquals(List.of("begin 1", "write a1", "write b1", "flush [a1, b1]", "write feed a1", "write feed b1",
                "flush [feed a1, feed b1]", "write a2", "flush [a2]", "write feed a2", "flush [feed a2]", "commit 1"),
                db.events());
        assertEquals(Map.of("a1", 1, "b1", 1, "a2", 1), completions);
    }

    @Test
    void outsideABatchAfterFlushFlushesAndCompletesAtOnce() {
        ItemOutcome outcome = db.inRequest(() -> {
            db.write("x");
            return batches.afterFlush(() -> {
                db.write("feed x");
                return ItemOutcome.applied(24, 3);
            });
        });

        assertEquals("24 v3", describe(outcome));
        assertEquals(List.of("begin 1", "write x", "flush [x]", "write feed x", "commit 1"), db.events());
    }

    @Test
    void aBatchOverTheLimitIsRefusedBeforeAnyItemRuns() {
        List<String> items = Collections.nCopies(Limits.MAX_BATCH_ITEMS + 1, "a");

        CrmException e = assertThrows(CrmException.class, () -> fast(items, false));

        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
        assertEquals("customer", e.field());
        assertEquals(List.of(), ran);
        assertEquals(List.of(), db.flushes());
    }

    // --- the precise run, item by item

    @Test
    void thePreciseRunGivesEveryItemItsOwnTransactionAndFlush() {
        List<ItemOutcome> outcomes = precise(List.of("a", "b", "c"), false);

        assertEquals(List.of("1 v1", "2 v1", "3 v1"), describe(outcomes));
        assertEquals(List.of(new Write("a", 2), new Write("b", 3), new Write("c", 4)), db.writes());
        assertEquals(List.of(new Flush(2, List.of("a")), new Flush(3, List.of("b")), new Flush(4, List.of("c"))),
                db.flushes());
        assertEquals(List.of("a", "b", "c"), db.committed());
    }

    @Test
    void thePreciseRunPinsADatabaseRefusalOnItsItemAndCommitsTheOthers() {
        db.refuseOnFlush("b", BatchExecutorPathsTest::keyTaken);

        List<ItemOutcome> outcomes = precise(List.of("a", "b", "c"), false);

        assertEquals(List.of("1 v1", "VALIDATION externalKey", "3 v1"), describe(outcomes));
        assertEquals(List.of(3), db.rolledBack(), "only b's own transaction rolls back");
        assertEquals(List.of("a", "c"), db.committed());
    }

    @Test
    void thePreciseRunCompletesEachItemAfterItsOwnFlush() {
        versioned.add("a");

        List<ItemOutcome> outcomes = precise(List.of("a", "b"), false);

        assertEquals(List.of("1 v2", "2 v1"), describe(outcomes));
        assertEquals(List.of("begin 1", "begin 2", "write a", "flush [a]", "write feed a", "flush [feed a]", "commit 2",
                "begin 3", "write b", "flush [b]", "commit 3", "commit 1"), db.events());
        assertEquals(Map.of("a", 1), completions);
    }

    @Test
    void anUnavailableDatabaseStopsThePreciseRun() {
        db.refuseOnFlush("b", BatchExecutorPathsTest::connectionLost);

        CrmException e = assertThrows(CrmException.class, () -> precise(List.of("a", "b", "c"), false));

        assertEquals(ErrorCode.UNAVAILABLE, e.code());
        assertEquals(List.of("a", "b"), ran);
        assertEquals(List.of(3, 1), db.rolledBack());
    }

    @Test
    void thePreciseAllOrNoneRunFlushesAfterEveryItemInTheRequestsTransaction() {
        versioned.add("b");

        List<ItemOutcome> outcomes = precise(List.of("a", "b", "c"), true);

        assertEquals(List.of("1 v1", "2 v2", "3 v1"), describe(outcomes));
        assertEquals(1, db.opened());
        assertEquals(List.of(new Flush(1, List.of("a")), new Flush(1, List.of("b")), new Flush(1, List.of("feed b")),
                new Flush(1, List.of("c"))), db.flushes());
        assertEquals(List.of("a", "b", "feed b", "c"), db.committed());
    }

    @Test
    void thePreciseAllOrNoneRunPinsTheRefusalOnItsItemAndThrowsRedoWithTheKnownOutcomes() {
        db.refuseOnFlush("b", BatchExecutorPathsTest::keyTaken);

        Redo redo = assertThrows(Redo.class, () -> precise(List.of("a", "b", "c"), true));

        assertEquals(List.of(ROLLED_BACK_BY_ITEM_2, "VALIDATION externalKey", ROLLED_BACK_BY_ITEM_2),
                describe(redo.outcomes()));
        assertEquals(List.of("a", "b"), ran, "the run stops at the refused item");
        assertEquals(List.of(new Flush(1, List.of("a")), new Flush(1, List.of("b"))), db.flushes());
        assertEquals(List.of(1), db.rolledBack());
        assertEquals(List.of(), db.committed());
    }

    @Test
    void aRuleViolationStopsThePreciseAllOrNoneRunAtItsItem() {
        invalid.add("b");

        Redo redo = assertThrows(Redo.class, () -> precise(List.of("a", "b", "c"), true));

        assertEquals(List.of(ROLLED_BACK_BY_ITEM_2, "VALIDATION name", ROLLED_BACK_BY_ITEM_2), describe(redo.outcomes()));
        assertEquals(List.of("a", "b"), ran);
        assertEquals(List.of(new Flush(1, List.of("a"))), db.flushes());
    }

    @Test
    void preciseModeEndsWithTheWorkItWasGivenEvenWhenItFails() {
        assertThrows(IllegalStateException.class, () -> BatchExecutor.precisely(() -> {
            throw new IllegalStateException("the request failed");
        }));

        fast(List.of("a", "b"), false);

        assertEquals(List.of(new Flush(1, List.of("a", "b"))), db.flushes(), "the next request runs the fast path");
    }
}
