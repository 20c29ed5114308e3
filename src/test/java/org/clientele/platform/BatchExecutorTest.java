package org.clientele.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Proves the allOrNone reporting rules of {@link BatchExecutor#rolledBack} and the size limits of {@link Limits}. */
class BatchExecutorTest {

    private static final ItemOutcome OK_1 = ItemOutcome.applied(1, 0);
    private static final ItemOutcome OK_2 = ItemOutcome.applied(2, 0);
    private static final ItemOutcome NOT_FOUND = ItemOutcome.failed(CrmException.notFound("Customer", 99));
    private static final ItemOutcome INVALID = ItemOutcome.failed(CrmException.validation("name", "name is required"));

    private static void assertRolledBack(ItemOutcome o, int failedItemNumber) {
        assertFalse(o.success());
        assertEquals(ErrorCode.ROLLED_BACK, o.errorCode());
        assertNull(o.id());
        assertNull(o.version());
        assertTrue(o.message().contains("item " + failedItemNumber + " failed"), o.message());
    }

    @Test
    void successfulItemsBecomeRolledBackAndTheFailureKeepsItsOwnError() {
        List<ItemOutcome> result = BatchExecutor.rolledBack(List.of(OK_1, NOT_FOUND, OK_2), 1, 3);
        assertEquals(3, result.size());
        assertRolledBack(result.get(0), 2);
        assertSame(NOT_FOUND, result.get(1));
        assertRolledBack(result.get(2), 2);
    }

    @Test
    void everyFailedItemKeepsItsOwnErrorAndTheMessageNamesTheFirst() {
        List<ItemOutcome> result = BatchExecutor.rolledBack(List.of(OK_1, INVALID, OK_2, NOT_FOUND), 1, 4);
        assertRolledBack(result.get(0), 2);
        assertSame(INVALID, result.get(1));
        assertRolledBack(result.get(2), 2);
        assertSame(NOT_FOUND, result.get(3));
    }

    @Test
    void itemsNeverReachedAreReportedRolledBack() {
        // the precise path stops at the first failure: later items have no outcome yet
        List<ItemOutcome> result = BatchExecutor.rolledBack(List.of(OK_1, INVALID), 1, 5);
        assertEquals(5, result.size());
        assertRolledBack(result.get(0), 2);
        assertSame(INVALID, result.get(1));
        for (int i = 2; i < 5; i++) {
            assertRolledBack(result.get(i), 2);
        }
    }

    @Test
    void nullOutcomesAreReportedRolledBack() {
        List<ItemOutcome> partial = new ArrayList<>();
        partial.add(null);
        partial.add(NOT_FOUND);
        List<ItemOutcome> result = BatchExecutor.rolledBack(partial, 1, 2);
        assertRolledBack(result.get(0), 2);
        assertSame(NOT_FOUND, result.get(1));
    }

    @Test
    void failureOfTheFirstItemIsNumberedFromOne() {
        List<ItemOutcome> result = BatchExecutor.rolledBack(List.of(INVALID, OK_1), 0, 2);
        assertSame(INVALID, result.get(0));
        assertRolledBack(result.get(1), 1);
    }

    @Test
    void rolledBackIsRetryable() {
        assertTrue(ErrorCode.ROLLED_BACK.retryable());
    }

    @Test
    void emptyBatchIsValidation() {
        CrmException e = assertThrows(CrmException.class, () -> Limits.checkBatch("customer", 0));
        assertEquals(ErrorCode.VALIDATION, e.code());
        assertEquals("customer", e.field());
    }

    @Test
    void batchOf201IsLimitExceeded() {
        CrmException e = assertThrows(CrmException.class, () -> Limits.checkBatch("customer", 201));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
        assertEquals("customer", e.field());
        assertTrue(e.getMessage().contains("200"), e.getMessage());
        assertTrue(e.getMessage().contains("Nothing was written"), e.getMessage());
    }

    @Test
    void batchesOf1To200AreAccepted() {
        Limits.checkBatch("customer", 1);
        Limits.checkBatch("customer", 200);
        assertEquals(200, Limits.MAX_BATCH_ITEMS);
    }

    @Test
    void pageSizeDefaultsTo100() {
        assertEquals(100, Limits.pageSize(null));
    }

    @Test
    void pageSizeAccepts1To1000() {
        assertEquals(1, Limits.pageSize(1));
        assertEquals(1000, Limits.pageSize(1000));
        assertEquals(37, Limits.pageSize(37));
    }

    @Test
    void pageSizeOutsideTheRangeIsValidation() {
        for (int bad : new int[] {0, -1, 1001, Integer.MAX_VALUE}) {
            CrmException e = assertThrows(CrmException.class, () -> Limits.pageSize(bad), "pageSize " + bad);
            assertEquals(ErrorCode.VALIDATION, e.code());
            assertEquals("pageSize", e.field());
        }
    }
}
