-- The same table as sqlite/0011_replies.sql, for PostgreSQL.
-- The thread on each request: replies by its filer, the partner's staff and
-- the support representatives, oldest first by `seq` (1, 2, … per request).
-- The author is kept as their token named them when they wrote: `author_sub`
-- is the token's subject (NULL on a backend without sign-in), `author_name`
-- and `author_role` what the thread shows. `idempotency_key` is the key the
-- reply was sent with, one reply per key and request; `body_sha256` tells a
-- repeat of the same reply from another reply under a key already used.
CREATE TABLE support_request_replies (
    id              TEXT    PRIMARY KEY NOT NULL,
    request_id      TEXT    NOT NULL REFERENCES support_requests (id),
    seq             BIGINT  NOT NULL,
    body            TEXT    NOT NULL,
    author_sub      TEXT,
    author_name     TEXT    NOT NULL,
    author_role     TEXT    NOT NULL,
    created_at      TEXT    NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    idempotency_key TEXT    NOT NULL,
    body_sha256     TEXT    NOT NULL,
    UNIQUE (request_id, seq),
    UNIQUE (request_id, idempotency_key)
);

-- A file attached to a reply belongs to the reply's request too (who may
-- read the request may read it), and names its reply; the request's own
-- files have none.
ALTER TABLE attachments ADD COLUMN reply_id TEXT REFERENCES support_request_replies (id);
