-- Partners: whose data each row is. One backend serves one partner or
-- many; every table of a partner's data carries the partner's id
-- (`partner_id`), and the rows from before belong to `default`, the
-- partner of the flags the backend is started with. The catalogue
-- (services, their health, articles) stays shared, as reference data, and
-- so does `request_event_counter`, a number that holds nothing of anyone.
-- `settings` holds what `support-backend partners` configures, as JSON.
CREATE TABLE partners (
    id          TEXT NOT NULL PRIMARY KEY CHECK (id <> ''),
    name        TEXT NOT NULL,
    settings    TEXT NOT NULL DEFAULT '{}',
    disabled_at TEXT,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
INSERT INTO partners (id, name) VALUES ('default', 'Default');

-- Where a table's key is chosen by someone (a customer's id by the
-- partner's import, an idempotency key by the client, a bounced address by
-- mail), two partners may choose the same one, so `partner_id` joins the
-- key: those tables, and `support_requests`, whose customer now names its
-- partner too, are built again, as SQLite cannot change a key in place:
-- each is copied aside, dropped, made anew and filled from the copy. The
-- rows that point at a dropped table point at nothing until its rows are
-- back, so foreign keys are checked at the commit, not at each statement.
PRAGMA defer_foreign_keys = ON;

CREATE TEMP TABLE customers_before_partners AS SELECT * FROM customers;
CREATE TEMP TABLE support_requests_before_partners AS SELECT * FROM support_requests;
DROP TABLE support_requests;
DROP TABLE customers;
CREATE TABLE customers (
    partner_id TEXT NOT NULL DEFAULT 'default' REFERENCES partners (id),
    id         TEXT NOT NULL,
    name       TEXT NOT NULL,
    domain     TEXT NOT NULL,
    PRIMARY KEY (partner_id, id)
);
INSERT INTO customers (id, name, domain)
    SELECT id, name, domain FROM customers_before_partners;
DROP TABLE customers_before_partners;

CREATE TABLE support_requests (
    partner_id         TEXT    NOT NULL DEFAULT 'default' REFERENCES partners (id),
    id                 TEXT    PRIMARY KEY NOT NULL,
    -- Numbers the requests for the human-readable reference (SR-000001).
    seq                INTEGER NOT NULL UNIQUE,
    reference          TEXT    NOT NULL UNIQUE,
    kind               TEXT    NOT NULL,
    category           TEXT,
    title              TEXT    NOT NULL,
    description        TEXT    NOT NULL,
    contact_name       TEXT    NOT NULL,
    contact_email      TEXT    NOT NULL,
    contact_phone      TEXT,
    contact_language   TEXT    NOT NULL,
    locale             TEXT    NOT NULL,
    status             TEXT    NOT NULL DEFAULT 'submitted',
    created_at         TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    body               TEXT    NOT NULL,
    customer_id        TEXT,
    customer_name      TEXT,
    service_id         TEXT    REFERENCES services (id),
    severity           TEXT,
    filed_by           TEXT,
    related_request    TEXT,
    awaiting_reply_seq BIGINT,
    UNIQUE (partner_id, id),
    FOREIGN KEY (partner_id, customer_id) REFERENCES customers (partner_id, id),
    FOREIGN KEY (partner_id, related_request) REFERENCES support_requests (partner_id, id)
);
INSERT INTO support_requests (
    id, seq, reference, kind, category, title, description, contact_name,
    contact_email, contact_phone, contact_language, locale, status,
    created_at, body, customer_id, customer_name, service_id, severity,
    filed_by, related_request, awaiting_reply_seq
)
SELECT
    id, seq, reference, kind, category, title, description, contact_name,
    contact_email, contact_phone, contact_language, locale, status,
    created_at, body, customer_id, customer_name, service_id, severity,
    filed_by, related_request, awaiting_reply_seq
FROM support_requests_before_partners;
DROP TABLE support_requests_before_partners;

CREATE TEMP TABLE idempotency_keys_before_partners AS SELECT * FROM idempotency_keys;
DROP TABLE idempotency_keys;
CREATE TABLE idempotency_keys (
    partner_id   TEXT    NOT NULL DEFAULT 'default' REFERENCES partners (id),
    key          TEXT    NOT NULL,
    body_sha256  TEXT    NOT NULL,
    status_code  INTEGER NOT NULL,
    response     TEXT    NOT NULL,
    request_id   TEXT,
    created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    claim_token  TEXT,
    PRIMARY KEY (partner_id, key),
    FOREIGN KEY (partner_id, request_id) REFERENCES support_requests (partner_id, id)
);
INSERT INTO idempotency_keys (key, body_sha256, status_code, response, request_id, created_at, claim_token)
    SELECT key, body_sha256, status_code, response, request_id, created_at, claim_token
    FROM idempotency_keys_before_partners;
DROP TABLE idempotency_keys_before_partners;

CREATE TEMP TABLE mail_bounces_before_partners AS SELECT * FROM mail_bounces;
DROP TABLE mail_bounces;
CREATE TABLE mail_bounces (
    partner_id TEXT   NOT NULL DEFAULT 'default' REFERENCES partners (id),
    address    TEXT   NOT NULL,
    since      BIGINT NOT NULL,
    reason     TEXT   NOT NULL,
    PRIMARY KEY (partner_id, address)
);
INSERT INTO mail_bounces (address, since, reason)
    SELECT address, since, reason FROM mail_bounces_before_partners;
DROP TABLE mail_bounces_before_partners;

CREATE INDEX support_requests_filed_by ON support_requests (partner_id, filed_by, seq);
CREATE INDEX support_requests_related_request ON support_requests (related_request);
CREATE INDEX support_requests_awaiting_reply ON support_requests (partner_id, kind, awaiting_reply_seq)
    WHERE awaiting_reply_seq IS NOT NULL;
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);

-- The other tables' keys are ids the backend makes, unique by themselves;
-- they gain the column (SQLite adds no reference to a column it adds with
-- a default) and, where a query's conflict names it, a unique index.
ALTER TABLE support_request_replies ADD COLUMN partner_id TEXT NOT NULL DEFAULT 'default';
ALTER TABLE support_request_status_history ADD COLUMN partner_id TEXT NOT NULL DEFAULT 'default';
ALTER TABLE attachments ADD COLUMN partner_id TEXT NOT NULL DEFAULT 'default';
ALTER TABLE request_events ADD COLUMN partner_id TEXT NOT NULL DEFAULT 'default';
ALTER TABLE request_seen ADD COLUMN partner_id TEXT NOT NULL DEFAULT 'default';
CREATE UNIQUE INDEX request_seen_of_partner ON request_seen (partner_id, user_sub, request_id);
ALTER TABLE webhook_outbox ADD COLUMN partner_id TEXT NOT NULL DEFAULT 'default';
ALTER TABLE contact_confirmations ADD COLUMN partner_id TEXT NOT NULL DEFAULT 'default';
