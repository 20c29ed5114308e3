-- Clientele schema v7 on H2 (development): H2 has no trigram or partial indexes, so nameContains stays a scan
-- of name_lower; status + segment gets the composite index in the keyset order of a page.
CREATE INDEX ix_customer_status_segment ON customer (status, segment, id);
