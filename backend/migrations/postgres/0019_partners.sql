-- Partners: whose data each row is. One backend serves one partner or
-- many; every table of a partner's data carries the partner's id
-- (`partner_id`), and the rows from before belong to `default`, the
-- partner of the flags the backend is started with. The catalogue
-- (services, their health, articles) stays shared, as reference data, and
-- so does `request_event_counter`, a number that holds nothing of anyone.
-- `settings` holds what `support-backend partners` configures, as JSON.
--
-- `partner_id` leads every primary key and unique constraint of a
-- partner's table, and every reference between them names it, so that no
-- row can point at another partner's, and so that the tables can be
-- distributed by `partner_id` (Citus requires exactly this; see
-- docs/partners.md).
CREATE TABLE partners (
    id          TEXT NOT NULL PRIMARY KEY CHECK (id <> ''),
    name        TEXT NOT NULL,
    settings    TEXT NOT NULL DEFAULT '{}',
    disabled_at TEXT,
    created_at  TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
);
INSERT INTO partners (id, name) VALUES ('default', 'Default');

ALTER TABLE customers ADD COLUMN partner_id TEXT NOT NULL DEFAULT 'default' REFERENCES partners (id);
ALTER TABLE support_requests ADD COLUMN partner_id TEXT NOT NULL DEFAULT 'default' REFERENCES partners (id);
ALTER TABLE support_request_replies ADD COLUMN partner_id TEXT NOT NULL DEFAULT 'default' REFERENCES partners (id);
ALTER TABLE support_request_status_history ADD COLUMN partner_id TEXT NOT NULL DEFAULT 'default' REFERENCES partners (id);
ALTER TABLE attachments ADD COLUMN partner_id TEXT NOT NULL DEFAULT 'default' REFERENCES partners (id);
ALTER TABLE idempotency_keys ADD COLUMN partner_id TEXT NOT NULL DEFAULT 'default' REFERENCES partners (id);
ALTER TABLE webhook_outbox ADD COLUMN partner_id TEXT NOT NULL DEFAULT 'default' REFERENCES partners (id);
ALTER TABLE mail_bounces ADD COLUMN partner_id TEXT NOT NULL DEFAULT 'default' REFERENCES partners (id);
ALTER TABLE contact_confirmations ADD COLUMN partner_id TEXT NOT NULL DEFAULT 'default' REFERENCES partners (id);
ALTER TABLE request_events ADD COLUMN partner_id TEXT NOT NULL DEFAULT 'default' REFERENCES partners (id);
ALTER TABLE request_seen ADD COLUMN partner_id TEXT NOT NULL DEFAULT 'default' REFERENCES partners (id);

-- The references go first, then the keys they point at.
ALTER TABLE support_requests
    DROP CONSTRAINT support_requests_customer_id_fkey,
    DROP CONSTRAINT support_requests_related_request_fkey;
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_request_id_fkey;
ALTER TABLE support_request_status_history
    DROP CONSTRAINT support_request_status_history_request_id_fkey;
ALTER TABLE attachments
    DROP CONSTRAINT attachments_reply_id_fkey,
    DROP CONSTRAINT attachments_request_id_fkey;
ALTER TABLE webhook_outbox DROP CONSTRAINT webhook_outbox_request_id_fkey;
ALTER TABLE support_request_replies DROP CONSTRAINT support_request_replies_request_id_fkey;
ALTER TABLE contact_confirmations DROP CONSTRAINT contact_confirmations_request_id_fkey;
ALTER TABLE request_events DROP CONSTRAINT request_events_request_id_fkey;
ALTER TABLE request_seen DROP CONSTRAINT request_seen_request_id_fkey;

ALTER TABLE customers
    DROP CONSTRAINT customers_pkey, ADD PRIMARY KEY (partner_id, id);
ALTER TABLE support_requests
    DROP CONSTRAINT support_requests_pkey, ADD PRIMARY KEY (partner_id, id),
    DROP CONSTRAINT support_requests_seq_key, ADD UNIQUE (partner_id, seq),
    DROP CONSTRAINT support_requests_reference_key, ADD UNIQUE (partner_id, reference);
ALTER TABLE idempotency_keys
    DROP CONSTRAINT idempotency_keys_pkey, ADD PRIMARY KEY (partner_id, key);
ALTER TABLE support_request_status_history
    DROP CONSTRAINT support_request_status_history_pkey,
    ADD PRIMARY KEY (partner_id, request_id, seq);
DROP INDEX support_request_status_history_key;
CREATE UNIQUE INDEX support_request_status_history_key
    ON support_request_status_history (partner_id, request_id, idempotency_key);
ALTER TABLE attachments
    DROP CONSTRAINT attachments_pkey, ADD PRIMARY KEY (partner_id, id);
ALTER TABLE webhook_outbox
    DROP CONSTRAINT webhook_outbox_pkey, ADD PRIMARY KEY (partner_id, seq),
    DROP CONSTRAINT webhook_outbox_delivery_id_key, ADD UNIQUE (partner_id, delivery_id);
ALTER TABLE support_request_replies
    DROP CONSTRAINT support_request_replies_pkey, ADD PRIMARY KEY (partner_id, id),
    DROP CONSTRAINT support_request_replies_request_id_seq_key,
    ADD UNIQUE (partner_id, request_id, seq),
    DROP CONSTRAINT support_request_replies_request_id_idempotency_key_key,
    ADD UNIQUE (partner_id, request_id, idempotency_key);
ALTER TABLE mail_bounces
    DROP CONSTRAINT mail_bounces_pkey, ADD PRIMARY KEY (partner_id, address);
ALTER TABLE contact_confirmations
    DROP CONSTRAINT contact_confirmations_pkey, ADD PRIMARY KEY (partner_id, request_id),
    DROP CONSTRAINT contact_confirmations_token_sha256_key, ADD UNIQUE (partner_id, token_sha256);
ALTER TABLE request_events
    DROP CONSTRAINT request_events_pkey, ADD PRIMARY KEY (partner_id, seq);
ALTER TABLE request_seen
    DROP CONSTRAINT request_seen_pkey, ADD PRIMARY KEY (partner_id, user_sub, request_id);

ALTER TABLE support_requests
    ADD FOREIGN KEY (partner_id, customer_id) REFERENCES customers (partner_id, id),
    ADD FOREIGN KEY (partner_id, related_request) REFERENCES support_requests (partner_id, id);
ALTER TABLE idempotency_keys
    ADD FOREIGN KEY (partner_id, request_id) REFERENCES support_requests (partner_id, id);
ALTER TABLE support_request_status_history
    ADD FOREIGN KEY (partner_id, request_id) REFERENCES support_requests (partner_id, id);
ALTER TABLE attachments
    ADD FOREIGN KEY (partner_id, request_id) REFERENCES support_requests (partner_id, id),
    ADD FOREIGN KEY (partner_id, reply_id) REFERENCES support_request_replies (partner_id, id);
ALTER TABLE webhook_outbox
    ADD FOREIGN KEY (partner_id, request_id) REFERENCES support_requests (partner_id, id);
ALTER TABLE support_request_replies
    ADD FOREIGN KEY (partner_id, request_id) REFERENCES support_requests (partner_id, id);
ALTER TABLE contact_confirmations
    ADD FOREIGN KEY (partner_id, request_id) REFERENCES support_requests (partner_id, id);
ALTER TABLE request_events
    ADD FOREIGN KEY (partner_id, request_id) REFERENCES support_requests (partner_id, id);
ALTER TABLE request_seen
    ADD FOREIGN KEY (partner_id, request_id) REFERENCES support_requests (partner_id, id);

-- The lists a partner reads begin with the partner.
DROP INDEX support_requests_filed_by;
CREATE INDEX support_requests_filed_by ON support_requests (partner_id, filed_by, seq);
DROP INDEX support_requests_awaiting_reply;
CREATE INDEX support_requests_awaiting_reply ON support_requests (partner_id, kind, awaiting_reply_seq)
    WHERE awaiting_reply_seq IS NOT NULL;
