-- Idempotency records: the outcome of a write sent with a RequestContext idempotencyKey, per principal and key.
-- A record is claimed (IN_PROGRESS) before the write runs and completed in the write's own transaction, so a
-- retry gets the stored outcome, a concurrent duplicate waits for it, and a crashed attempt leaves no outcome.
CREATE TABLE idempotency_record (
    principal     VARCHAR(100)     NOT NULL,
    idem_key      VARCHAR(100)     NOT NULL,
    operation     VARCHAR(50)      NOT NULL,
    request_hash  VARCHAR(64)      NOT NULL,
    status        VARCHAR(20)      NOT NULL,
    outcome       VARCHAR(1000000),
    claimed_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_idempotency_record PRIMARY KEY (principal, idem_key)
);
CREATE INDEX ix_idempotency_expires_at ON idempotency_record (expires_at);
