-- Clientele schema v5: customer-service cases, their comments and attachments. Portable between H2 2.x and
-- PostgreSQL 12+. SLA due times are columns so that "overdue" is a plain SQL filter; attachment bytes live in a
-- table of their own so that reading cases or attachment metadata never loads them.

CREATE SEQUENCE support_case_seq START WITH 1 INCREMENT BY 50;
-- case numbers (CS-<year>-<n>): one value per case, never pooled
CREATE SEQUENCE case_number_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE case_comment_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE case_attachment_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE support_case (
    id                     BIGINT        NOT NULL PRIMARY KEY,
    version                BIGINT        NOT NULL,
    case_number            VARCHAR(30)   NOT NULL,
    customer_id            BIGINT        NOT NULL,
    -- a contact of the customer when the case was opened; kept as a plain reference (contacts can be removed)
    contact_id             BIGINT,
    subject                VARCHAR(200)  NOT NULL,
    description            VARCHAR(10000),
    priority               VARCHAR(10)   NOT NULL,
    channel                VARCHAR(10)   NOT NULL,
    category               VARCHAR(100)  NOT NULL,
    external_reference     VARCHAR(100),
    status                 VARCHAR(10)   NOT NULL,
    assignee_kind          VARCHAR(10),
    assignee_name          VARCHAR(100),
    resolution_note        VARCHAR(4000),
    opened_at              TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    opened_by              VARCHAR(100)  NOT NULL,
    -- start of the current resolution target: opened_at, or the time of the last reopen
    clock_started_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- milliseconds spent PENDING since clock_started_at (finished pauses only)
    paused_millis          BIGINT        NOT NULL,
    -- set while PENDING: when the current pause began
    paused_since           TIMESTAMP(6) WITH TIME ZONE,
    first_response_due_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    resolution_due_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    first_responded_at     TIMESTAMP(6) WITH TIME ZONE,
    resolved_at            TIMESTAMP(6) WITH TIME ZONE,
    closed_at              TIMESTAMP(6) WITH TIME ZONE,
    updated_at             TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by             VARCHAR(100)  NOT NULL,
    CONSTRAINT uq_support_case_number UNIQUE (case_number),
    CONSTRAINT fk_support_case_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT ck_support_case_priority CHECK (priority IN ('LOW', 'MEDIUM', 'HIGH', 'URGENT')),
    CONSTRAINT ck_support_case_channel CHECK (channel IN ('PHONE', 'EMAIL', 'WEB', 'ERP', 'OTHER')),
    CONSTRAINT ck_support_case_status CHECK (status IN ('NEW', 'OPEN', 'PENDING', 'RESOLVED', 'CLOSED', 'REOPENED')),
    CONSTRAINT ck_support_case_assignee CHECK ((assignee_kind IS NULL AND assignee_name IS NULL)
        OR (assignee_kind IN ('AGENT', 'QUEUE') AND assignee_name IS NOT NULL))
);
-- findCases filters, each ending in id for the keyset order
CREATE INDEX ix_support_case_customer ON support_case (customer_id, id);
CREATE INDEX ix_support_case_status ON support_case (status, id);
CREATE INDEX ix_support_case_priority ON support_case (priority, id);
CREATE INDEX ix_support_case_assignee ON support_case (assignee_name, assignee_kind, id);
CREATE INDEX ix_support_case_category ON support_case (category, id);
CREATE INDEX ix_support_case_opened_at ON support_case (opened_at);
CREATE INDEX ix_support_case_updated_at ON support_case (updated_at);
CREATE INDEX ix_support_case_first_response_due ON support_case (first_response_due_at);
CREATE INDEX ix_support_case_resolution_due ON support_case (resolution_due_at);

CREATE TABLE case_comment (
    id          BIGINT         NOT NULL PRIMARY KEY,
    version     BIGINT         NOT NULL,
    case_id     BIGINT         NOT NULL,
    visibility  VARCHAR(10)    NOT NULL,
    body        VARCHAR(10000) NOT NULL,
    author      VARCHAR(100)   NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_case_comment_case FOREIGN KEY (case_id) REFERENCES support_case (id),
    CONSTRAINT ck_case_comment_visibility CHECK (visibility IN ('PUBLIC', 'INTERNAL'))
);
CREATE INDEX ix_case_comment_case ON case_comment (case_id, visibility, id);

CREATE TABLE case_attachment (
    id          BIGINT        NOT NULL PRIMARY KEY,
    version     BIGINT        NOT NULL,
    case_id     BIGINT        NOT NULL,
    file_name   VARCHAR(255)  NOT NULL,
    media_type  VARCHAR(100)  NOT NULL,
    size_bytes  BIGINT        NOT NULL,
    sha256      VARCHAR(64)   NOT NULL,
    added_by    VARCHAR(100)  NOT NULL,
    added_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_case_attachment_case FOREIGN KEY (case_id) REFERENCES support_case (id)
);
CREATE INDEX ix_case_attachment_case ON case_attachment (case_id, id);

-- BYTEA is PostgreSQL's binary string and an H2 alias of VARBINARY: no large-object (oid) indirection on PostgreSQL
CREATE TABLE case_attachment_content (
    attachment_id  BIGINT NOT NULL PRIMARY KEY,
    version        BIGINT NOT NULL,
    content        BYTEA  NOT NULL,
    CONSTRAINT fk_case_attachment_content FOREIGN KEY (attachment_id) REFERENCES case_attachment (id)
);
