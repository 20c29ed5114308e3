package org.clientele.platform;

/** Request size limits of the contract. */
public final class Limits {
    /** Most items one batch call may carry. */
    public static final int MAX_BATCH_ITEMS = 200;
    /** Page size when the caller sends none. */
    public static final int DEFAULT_PAGE_SIZE = 100;
    /** Largest page a caller may ask for. */
    public static final int MAX_PAGE_SIZE = 1000;

    private Limits() {
    }

    /** Rejects an empty batch or one over {@link #MAX_BATCH_ITEMS} before anything is written. */
    public static void checkBatch(String field, int size) {
        if (size == 0) {
            throw CrmException.validation(field, "At least one item is required");
        }
        if (size > MAX_BATCH_ITEMS) {
            throw new CrmException(ErrorCode.LIMIT_EXCEEDED,
                    "A call may carry at most " + MAX_BATCH_ITEMS + " items; this one has " + size + ". Nothing was written.",
                    field);
        }
    }

    /** The effective page size for an optional requested size. */
    public static int pageSize(Integer requested) {
        if (requested == null) {
            return DEFAULT_PAGE_SIZE;
        }
        if (requested < 1 || requested > MAX_PAGE_SIZE) {
            throw CrmException.validation("pageSize", "pageSize must be between 1 and " + MAX_PAGE_SIZE);
        }
        return requested;
    }
}
