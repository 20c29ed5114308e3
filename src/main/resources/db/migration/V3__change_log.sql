-- The change feed. Writers append rows with sequence NULL in their own transaction; the sequencer (one at a
-- time, serialised by the row lock on change_sequencer) numbers committed rows in id order, so a reader that
-- has seen sequence N has seen every change below N. Readers only read numbered rows.
CREATE SEQUENCE change_log_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE change_log (
    id              BIGINT       NOT NULL PRIMARY KEY,
    sequence        BIGINT,
    entity_type     VARCHAR(20)  NOT NULL,
    entity_id       BIGINT       NOT NULL,
    operation       VARCHAR(20)  NOT NULL,
    entity_version  BIGINT       NOT NULL,
    merged_into     BIGINT,
    changed_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    principal       VARCHAR(100) NOT NULL,
    client_system   VARCHAR(50),
    correlation_id  VARCHAR(100),
    CONSTRAINT uq_change_log_sequence UNIQUE (sequence)
);
CREATE INDEX ix_change_log_unsequenced ON change_log (sequence, id);
CREATE INDEX ix_change_log_changed_at ON change_log (changed_at);

CREATE TABLE change_sequencer (
    id              INTEGER NOT NULL PRIMARY KEY,
    last_sequence   BIGINT  NOT NULL,
    purged_through  BIGINT  NOT NULL
);
INSERT INTO change_sequencer (id, last_sequence, purged_through) VALUES (1, 0, 0);
