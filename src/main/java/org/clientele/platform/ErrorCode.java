package org.clientele.platform;

/** The stable error codes of the contract, as the domain raises them (mirrors common.xsd ErrorCode). */
public enum ErrorCode {
    VALIDATION(false),
    NOT_FOUND(false),
    CONCURRENCY(true),
    NOT_AUTHORIZED(false),
    LIMIT_EXCEEDED(false),
    IDEMPOTENCY_CONFLICT(false),
    INVALID_STATE(false),
    CURSOR_EXPIRED(false),
    UNAVAILABLE(true),
    INTERNAL(false),
    ROLLED_BACK(true);

    private final boolean retryable;

    ErrorCode(boolean retryable) {
        this.retryable = retryable;
    }

    /** Whether the same request may succeed when it is sent again later. */
    public boolean retryable() {
        return retryable;
    }
}
