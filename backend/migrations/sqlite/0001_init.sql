-- The reference backend's whole schema. Timestamps are RFC 3339 UTC text
-- ('2025-01-31T09:30:00Z'), so they compare correctly as strings.

-- One row per support request. The searchable fields get their own columns;
-- `body` keeps the whole request as JSON so that fields added to the contract
-- later survive without a migration.
CREATE TABLE support_requests (
    id               TEXT    PRIMARY KEY NOT NULL,
    -- Numbers the requests for the human-readable reference (SR-000001).
    seq              INTEGER NOT NULL UNIQUE,
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
    created_at       TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    body             TEXT    NOT NULL
);

-- The first answer to each Idempotency-Key, replayed when the key comes
-- again. The key is the primary key so that two concurrent requests with one
-- key cannot both commit. Rows older than 24 hours are expired and purged.
CREATE TABLE idempotency_keys (
    key          TEXT    PRIMARY KEY NOT NULL,
    body_sha256  TEXT    NOT NULL,
    status_code  INTEGER NOT NULL,
    response     TEXT    NOT NULL,
    request_id   TEXT    REFERENCES support_requests (id),
    created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
