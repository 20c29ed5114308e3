package org.clientele.platform;

/**
 * The outcome of one batch item: either applied (id, version, created) or failed with an error.
 */
public record ItemOutcome(boolean success, Long id, Long version, Boolean created,
                          ErrorCode errorCode, String message, String field) {

    public static ItemOutcome applied(long id, long version) {
        return new ItemOutcome(true, id, version, null, null, null, null);
    }

    public static ItemOutcome upserted(long id, long version, boolean created) {
        return new ItemOutcome(true, id, version, created, null, null, null);
    }

    public static ItemOutcome failed(CrmException e) {
        return new ItemOutcome(false, null, null, null, e.code(), e.getMessage(), e.field());
    }

    public static ItemOutcome failed(ErrorCode code, String message) {
        return new ItemOutcome(false, null, null, null, code, message, null);
    }

    /** The result of a valid item that was not applied because another item of an allOrNone batch failed. */
    public static ItemOutcome rolledBack(int failedIndex) {
        return new ItemOutcome(false, null, null, null, ErrorCode.ROLLED_BACK,
                "Not applied: allOrNone is set and item " + failedIndex + " failed", null);
    }
}
