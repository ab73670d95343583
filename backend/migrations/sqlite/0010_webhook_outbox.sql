-- The outbox of webhook deliveries: one row per event (a request filed,
-- its status changed) and configured webhook, written in the transaction
-- that stores what happened. `seq` orders them: a request's events go to
-- a webhook in that order. Times are Unix milliseconds. A row is claimed
-- for a while (`claimed_until`) by the process delivering it, then marked
-- delivered, or scheduled again with backoff, or given up on (`failed_at`)
-- after the retry window.
CREATE TABLE webhook_outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    delivery_id     TEXT    NOT NULL UNIQUE,
    event_id        TEXT    NOT NULL,
    endpoint        TEXT    NOT NULL,
    request_id      TEXT    NOT NULL REFERENCES support_requests (id),
    event_type      TEXT    NOT NULL,
    payload         TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL,
    attempts        BIGINT  NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL,
    claimed_until   BIGINT,
    claim_token     TEXT,
    delivered_at    BIGINT,
    failed_at       BIGINT,
    last_error      TEXT
);

CREATE INDEX webhook_outbox_due ON webhook_outbox (next_attempt_at)
    WHERE delivered_at IS NULL AND failed_at IS NULL;
CREATE INDEX webhook_outbox_request ON webhook_outbox (request_id, endpoint, seq);
