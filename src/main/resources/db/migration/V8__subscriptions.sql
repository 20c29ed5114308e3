-- Clientele schema v8: subscriptions to the change feed (outbound notifications, SubscriptionService).
-- Portable between H2 2.x and PostgreSQL 12+.
--
-- Delivery state lives on the row: acknowledged_sequence is the position up to which the listener acknowledged every
-- change of the subscription's types. A node delivers a subscription only while it holds the row's lease
-- (lease_token, lease_until), taken and given back with conditional updates, so exactly one node delivers it at a time
-- and a node that froze or died loses it when lease_until passes.

CREATE SEQUENCE subscription_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE subscription (
    id                     BIGINT         NOT NULL PRIMARY KEY,
    version                BIGINT         NOT NULL,
    name                   VARCHAR(100)   NOT NULL,
    listener_url           VARCHAR(2000)  NOT NULL,
    -- comma-separated entity types; empty: every type
    entity_types           VARCHAR(300)   NOT NULL,
    include_snapshots      BOOLEAN        NOT NULL,
    batch_size             INTEGER        NOT NULL,
    username               VARCHAR(100),
    -- AES-256-GCM, base64 (nonce + ciphertext) under the server's outbound-secret key file, never the password itself
    password_sealed        VARCHAR(600),
    password_type          VARCHAR(20),
    status                 VARCHAR(20)    NOT NULL,
    acknowledged_sequence  BIGINT         NOT NULL,
    last_delivered_at      TIMESTAMP(6) WITH TIME ZONE,
    consecutive_failures   INTEGER        NOT NULL,
    last_error             VARCHAR(1000),
    last_error_at          TIMESTAMP(6) WITH TIME ZONE,
    next_attempt_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    lease_token            VARCHAR(64),
    lease_until            TIMESTAMP(6) WITH TIME ZONE,
    created_at             TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by             VARCHAR(100)   NOT NULL,
    CONSTRAINT ck_subscription_status CHECK (status IN ('ACTIVE', 'PAUSED', 'EXPIRED')),
    CONSTRAINT ck_subscription_batch CHECK (batch_size BETWEEN 1 AND 1000),
    CONSTRAINT ck_subscription_credentials CHECK ((username IS NULL AND password_sealed IS NULL AND password_type IS NULL)
                                                  OR (username IS NOT NULL AND password_sealed IS NOT NULL AND password_type IS NOT NULL)),
    CONSTRAINT ck_subscription_password_type CHECK (password_type IS NULL OR password_type IN ('PasswordDigest', 'PasswordText'))
);
-- the dispatcher's poll: active subscriptions whose next attempt is due
CREATE INDEX ix_subscription_due ON subscription (status, next_attempt_at);
