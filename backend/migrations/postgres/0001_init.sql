-- The reference backend's first schema, for PostgreSQL: the same tables,
-- columns and constraints as sqlite/0001_init.sql. Timestamps stay RFC 3339
-- UTC text ('2025-01-31T09:30:00Z') so that both databases answer the same
-- JSON and compare timestamps the same way, as strings.

-- Hands out request numbers. A sequence never gives one number twice, even
-- to backend processes racing on one database; a number taken by a
-- transaction that rolls back is simply skipped.
CREATE SEQUENCE support_requests_seq AS BIGINT;

-- One row per support request. The searchable fields get their own columns;
-- `body` keeps the whole request as JSON so that fields added to the contract
-- later survive without a migration.
CREATE TABLE support_requests (
    id               TEXT    PRIMARY KEY NOT NULL,
    -- Numbers the requests for the human-readable reference (SR-000001).
    seq              BIGINT  NOT NULL UNIQUE,
    reference        TEXT    NOT NULL UNIQUE,
    kind             TEXT    NOT NULL,
    category         TEXT,
    title            TEXT    NOT NULL,
    description      TEXT    NOT NULL,
    contact_name     TEXT    NOT NULL,
    contact_email    TEXT    NOT NULL,
    contact_phone    TEXT,
    contact_language TEXT    NOT NULL,
    locale           TEXT    NOT NULL,
    status           TEXT    NOT NULL DEFAULT 'submitted',
    created_at       TEXT    NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    body             TEXT    NOT NULL
);

-- The first answer to each Idempotency-Key, replayed when the key comes
-- again. The key is the primary key so that two concurrent requests with one
-- key cannot both commit, whichever backend process they reach. Rows older
-- than 24 hours are expired and purged.
CREATE TABLE idempotency_keys (
    key          TEXT    PRIMARY KEY NOT NULL,
    body_sha256  TEXT    NOT NULL,
    status_code  BIGINT  NOT NULL,
    response     TEXT    NOT NULL,
    request_id   TEXT    REFERENCES support_requests (id),
    created_at   TEXT    NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
);

CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
