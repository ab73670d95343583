-- A status change may come with an Idempotency-Key (the widget sends one,
-- and the same one again when it retries): the change is stored once per
-- request and key, `body_sha256` the hash of what was sent with it (with
-- its sender), so a retry replays it and a key reused with another body is
-- refused. Changes without a key (older clients, `set-status`) keep NULLs.
ALTER TABLE support_request_status_history ADD COLUMN idempotency_key TEXT;
ALTER TABLE support_request_status_history ADD COLUMN body_sha256 TEXT;
CREATE UNIQUE INDEX support_request_status_history_key
    ON support_request_status_history (request_id, idempotency_key);
