-- Each write of a partner's row checked, through its reference to
-- `partners`, that the partner exists, and so took a share lock on that
-- partner's one row of `partners`. With many of one partner's writes at
-- once, PostgreSQL kept a list of lockers (a multixact) on that row, and
-- a busy partner's filings grew slower the more it filed (bench-load:
-- one partner at two thirds of a hundred partners' throughput). A row's
-- partner comes from the verified key (backend/src/partner.rs), and no
-- partner is ever deleted (`partners disable` keeps its row), so these
-- references guarded nothing that can happen. Customers, written by
-- imports, keep theirs; the references between partner tables keep
-- naming partner_id (0019), so no row points across partners.
ALTER TABLE support_requests DROP CONSTRAINT support_requests_partner_id_fkey;
ALTER TABLE support_request_replies DROP CONSTRAINT support_request_replies_partner_id_fkey;
ALTER TABLE support_request_status_history DROP CONSTRAINT support_request_status_history_partner_id_fkey;
ALTER TABLE attachments DROP CONSTRAINT attachments_partner_id_fkey;
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_partner_id_fkey;
ALTER TABLE webhook_outbox DROP CONSTRAINT webhook_outbox_partner_id_fkey;
ALTER TABLE mail_bounces DROP CONSTRAINT mail_bounces_partner_id_fkey;
ALTER TABLE contact_confirmations DROP CONSTRAINT contact_confirmations_partner_id_fkey;
ALTER TABLE request_events DROP CONSTRAINT request_events_partner_id_fkey;
ALTER TABLE request_seen DROP CONSTRAINT request_seen_partner_id_fkey;
