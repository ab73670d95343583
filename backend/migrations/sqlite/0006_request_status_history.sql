-- Every status a request has had, oldest first: `submitted` when it is
-- filed (written in the same transaction as the request), then each change
-- (`support-backend set-status`). `seq` numbers a request's entries 1, 2, …
-- in order; `support_requests.status` stays the latest one.
CREATE TABLE support_request_status_history (
    request_id TEXT    NOT NULL REFERENCES support_requests (id),
    seq        INTEGER NOT NULL,
    status     TEXT    NOT NULL,
    changed_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    note       TEXT,
    PRIMARY KEY (request_id, seq)
);

-- Requests filed before this migration were submitted when they were
-- created, and nothing could change their status since.
INSERT INTO support_request_status_history (request_id, seq, status, changed_at)
    SELECT id, 1, 'submitted', created_at FROM support_requests;
