package org.clientele.platform;

/** A domain failure with a contract error code; the endpoint layer turns it into a CrmFault or an item error. */
public class CrmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String field;
    private final Integer retryAfterSeconds;

    public CrmException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    public CrmException(ErrorCode code, String message, String field) {
        this(code, message, field, null);
    }

    public CrmException(ErrorCode code, String message, String field, Integer retryAfterSeconds) {
        super(message, null, false, false);
        this.code = code;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static CrmException validation(String field, String message) {
        return new CrmException(ErrorCode.VALIDATION, message, field);
    }

    public static CrmException notFound(String what, Object id) {
        return new CrmException(ErrorCode.NOT_FOUND, what + " " + id + " does not exist");
    }

    public ErrorCode code() {
        return code;
    }

    public String field() {
        return field;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
