-- Clientele schema v6: marketing campaigns, their members and the members' responses.
-- Portable between H2 2.x and PostgreSQL 12+. Money is NUMERIC(19,4) in the campaign's one currency.

CREATE SEQUENCE campaign_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE campaign_member_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE campaign_response_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE campaign (
    id                BIGINT        NOT NULL PRIMARY KEY,
    version           BIGINT        NOT NULL,
    name              VARCHAR(200)  NOT NULL,
    name_lower        VARCHAR(200)  NOT NULL,
    description       VARCHAR(2000),
    channel           VARCHAR(20)   NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    start_date        DATE          NOT NULL,
    end_date          DATE,
    currency          VARCHAR(3)    NOT NULL,
    budget            NUMERIC(19,4),
    actual_cost       NUMERIC(19,4),
    expected_revenue  NUMERIC(19,4),
    parent_id         BIGINT,
    owner             VARCHAR(100),
    created_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by        VARCHAR(100)  NOT NULL,
    updated_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by        VARCHAR(100)  NOT NULL,
    CONSTRAINT fk_campaign_parent FOREIGN KEY (parent_id) REFERENCES campaign (id),
    CONSTRAINT ck_campaign_channel CHECK (channel IN ('EMAIL', 'PHONE', 'EVENT', 'WEB', 'SOCIAL', 'DIRECT_MAIL', 'OTHER')),
    CONSTRAINT ck_campaign_status CHECK (status IN ('PLANNED', 'ACTIVE', 'COMPLETED', 'CANCELLED')),
    CONSTRAINT ck_campaign_dates CHECK (end_date IS NULL OR end_date >= start_date),
    CONSTRAINT ck_campaign_money CHECK ((budget IS NULL OR budget >= 0) AND (actual_cost IS NULL OR actual_cost >= 0)
                                        AND (expected_revenue IS NULL OR expected_revenue >= 0))
);
-- findCampaigns filters, each with the id keyset order
CREATE INDEX ix_campaign_status ON campaign (status, id);
CREATE INDEX ix_campaign_channel ON campaign (channel, id);
CREATE INDEX ix_campaign_start_date ON campaign (start_date, id);
CREATE INDEX ix_campaign_parent ON campaign (parent_id);

-- A customer is a member on its own (contact_id NULL, contact_key 0) or through one of its contacts
-- (contact_key = contact_id). contact_key makes the unique key work on both databases: PostgreSQL does not
-- treat NULLs as equal in a unique constraint.
CREATE TABLE campaign_member (
    id            BIGINT       NOT NULL PRIMARY KEY,
    version       BIGINT       NOT NULL,
    campaign_id   BIGINT       NOT NULL,
    customer_id   BIGINT       NOT NULL,
    contact_id    BIGINT,
    contact_key   BIGINT       NOT NULL,
    added_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    added_by      VARCHAR(100) NOT NULL,
    CONSTRAINT fk_campaign_member_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id),
    CONSTRAINT fk_campaign_member_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT fk_campaign_member_contact FOREIGN KEY (contact_id) REFERENCES contact (id),
    CONSTRAINT uq_campaign_member UNIQUE (campaign_id, customer_id, contact_key),
    CONSTRAINT ck_campaign_member_contact_key CHECK ((contact_id IS NULL AND contact_key = 0) OR contact_key = contact_id)
);
CREATE INDEX ix_campaign_member_customer ON campaign_member (customer_id);
CREATE INDEX ix_campaign_member_contact ON campaign_member (contact_id);

-- One row per member and stage. campaign_id repeats the member's campaign so that statistics aggregate
-- one campaign's responses through an index without joining the members.
CREATE TABLE campaign_response (
    id            BIGINT        NOT NULL PRIMARY KEY,
    version       BIGINT        NOT NULL,
    member_id     BIGINT        NOT NULL,
    campaign_id   BIGINT        NOT NULL,
    stage         VARCHAR(20)   NOT NULL,
    responded_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    revenue       NUMERIC(19,4),
    recorded_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    recorded_by   VARCHAR(100)  NOT NULL,
    CONSTRAINT fk_campaign_response_member FOREIGN KEY (member_id) REFERENCES campaign_member (id),
    CONSTRAINT fk_campaign_response_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id),
    CONSTRAINT uq_campaign_response_stage UNIQUE (member_id, stage),
    CONSTRAINT ck_campaign_response_stage CHECK (stage IN ('SENT', 'OPENED', 'CLICKED', 'RESPONDED', 'CONVERTED')),
    CONSTRAINT ck_campaign_response_revenue CHECK (revenue IS NULL OR revenue >= 0)
);
CREATE INDEX ix_campaign_response_campaign ON campaign_response (campaign_id, stage, member_id);
