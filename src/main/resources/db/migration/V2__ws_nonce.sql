-- Nonces of accepted WS-Security UsernameTokens, shared by every node, so a replayed message is refused
-- whichever node it reaches. Rows expire shortly after the token's maximum age and are purged.
CREATE TABLE ws_nonce (
    nonce_hash  VARCHAR(64) NOT NULL PRIMARY KEY,
    expires_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_ws_nonce_expires_at ON ws_nonce (expires_at);
