-- Clientele schema v7 on PostgreSQL: indexes that keep findCustomers' cost flat as the customer table grows.
--
-- nameContains is LIKE '%word%' on name_lower: a trigram GIN index (extension pg_trgm, shipped with PostgreSQL's
-- contrib package and "trusted" since PostgreSQL 13, so the schema owner needs only the CREATE privilege on the
-- database, not superuser) answers it from the index instead of scanning every customer.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX ix_customer_name_trgm ON customer USING gin (name_lower gin_trgm_ops);

-- status + segment, for live customers in the keyset order of a page: the first page reads exactly its rows.
CREATE INDEX ix_customer_status_segment ON customer (status, segment, id) WHERE deleted = false;
