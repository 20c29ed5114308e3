-- Clientele schema v1: customers with external keys, contacts, addresses and interactions,
-- the audit log and server-wide settings. Portable between H2 2.x and PostgreSQL 12+.

CREATE SEQUENCE customer_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE external_key_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE contact_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE address_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE interaction_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE audit_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE customer (
    id           BIGINT       NOT NULL PRIMARY KEY,
    version      BIGINT       NOT NULL,
    kind         VARCHAR(20)  NOT NULL,
    name         VARCHAR(200) NOT NULL,
    name_lower   VARCHAR(200) NOT NULL,
    email        VARCHAR(254),
    email_lower  VARCHAR(254),
    phone        VARCHAR(40),
    status       VARCHAR(20)  NOT NULL,
    segment      VARCHAR(100),
    owner        VARCHAR(100),
    deleted      BOOLEAN      NOT NULL,
    deleted_at   TIMESTAMP(6) WITH TIME ZONE,
    merged_into  BIGINT,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(100) NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(100) NOT NULL,
    CONSTRAINT fk_customer_merged_into FOREIGN KEY (merged_into) REFERENCES customer (id),
    CONSTRAINT ck_customer_kind CHECK (kind IN ('ORGANIZATION', 'PERSON')),
    CONSTRAINT ck_customer_status CHECK (status IN ('PROSPECT', 'ACTIVE', 'INACTIVE'))
);
CREATE INDEX ix_customer_updated_at ON customer (updated_at);
CREATE INDEX ix_customer_email_lower ON customer (email_lower);
CREATE INDEX ix_customer_phone ON customer (phone);
CREATE INDEX ix_customer_status ON customer (status, id);
CREATE INDEX ix_customer_segment ON customer (segment, id);

CREATE TABLE customer_external_key (
    id           BIGINT       NOT NULL PRIMARY KEY,
    version      BIGINT       NOT NULL,
    customer_id  BIGINT       NOT NULL,
    system_name  VARCHAR(50)  NOT NULL,
    external_id  VARCHAR(100) NOT NULL,
    CONSTRAINT fk_external_key_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT uq_external_key UNIQUE (system_name, external_id)
);
CREATE INDEX ix_external_key_customer ON customer_external_key (customer_id);

CREATE TABLE contact (
    id           BIGINT       NOT NULL PRIMARY KEY,
    version      BIGINT       NOT NULL,
    customer_id  BIGINT       NOT NULL,
    first_name   VARCHAR(100),
    last_name    VARCHAR(100) NOT NULL,
    title        VARCHAR(100),
    email        VARCHAR(254),
    email_lower  VARCHAR(254),
    phone        VARCHAR(40),
    is_primary   BOOLEAN      NOT NULL,
    CONSTRAINT fk_contact_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
CREATE INDEX ix_contact_customer ON contact (customer_id);
CREATE INDEX ix_contact_email_lower ON contact (email_lower);

CREATE TABLE address (
    id           BIGINT       NOT NULL PRIMARY KEY,
    version      BIGINT       NOT NULL,
    customer_id  BIGINT       NOT NULL,
    position     INTEGER      NOT NULL,
    address_type VARCHAR(20)  NOT NULL,
    line1        VARCHAR(200) NOT NULL,
    line2        VARCHAR(200),
    city         VARCHAR(100) NOT NULL,
    region       VARCHAR(100),
    postal_code  VARCHAR(20),
    country_code VARCHAR(2)   NOT NULL,
    CONSTRAINT fk_address_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
CREATE INDEX ix_address_customer ON address (customer_id);

CREATE TABLE interaction (
    id               BIGINT        NOT NULL PRIMARY KEY,
    version          BIGINT        NOT NULL,
    customer_id      BIGINT        NOT NULL,
    contact_id       BIGINT,
    interaction_type VARCHAR(20)   NOT NULL,
    direction        VARCHAR(20),
    subject          VARCHAR(200)  NOT NULL,
    body             VARCHAR(10000),
    occurred_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    recorded_by      VARCHAR(100)  NOT NULL,
    recorded_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_interaction_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT fk_interaction_contact FOREIGN KEY (contact_id) REFERENCES contact (id)
);
CREATE INDEX ix_interaction_customer ON interaction (customer_id, occurred_at, id);

CREATE TABLE audit_entry (
    id             BIGINT        NOT NULL PRIMARY KEY,
    version        BIGINT        NOT NULL,
    occurred_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    principal      VARCHAR(100)  NOT NULL,
    client_system  VARCHAR(50),
    correlation_id VARCHAR(100),
    operation      VARCHAR(50)   NOT NULL,
    outcome        VARCHAR(20)   NOT NULL,
    entity_ids     VARCHAR(4000),
    detail         VARCHAR(1000)
);
CREATE INDEX ix_audit_entry_occurred_at ON audit_entry (occurred_at);

CREATE TABLE clientele_setting (
    name    VARCHAR(100)  NOT NULL PRIMARY KEY,
    version BIGINT        NOT NULL,
    setting_value VARCHAR(1000) NOT NULL
);
