-- Row-level security: PostgreSQL itself keeps each partner's rows to that
-- partner, even where a query forgets to. A transaction names its partner
-- with `SELECT set_config('app.partner_id', <id>, true)` (local to the
-- transaction, so a pooled connection carries nothing into the next
-- request) and then sees and writes that partner's rows only. `*` names
-- every partner: the work no caller asks for (outbox deliveries, the
-- stream's reader of new events, the orphan sweep, the operator's
-- commands that find a request by its id). Naming none, it sees no row and
-- writes none.
--
-- FORCE binds the tables' owner too; only superusers and roles with
-- BYPASSRLS pass. The server should run as a role that owns nothing (see
-- `support-backend migrate --grant-to`), so that it cannot turn this off.
-- A later migration that changes partners' rows first runs
-- `SELECT set_config('app.partner_id', '*', true)`.
DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY[
        'customers', 'support_requests', 'support_request_replies',
        'support_request_status_history', 'attachments', 'idempotency_keys',
        'webhook_outbox', 'mail_bounces', 'contact_confirmations',
        'request_events', 'request_seen'
    ] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format(
            $policy$
            CREATE POLICY partner_rows ON %I
                USING (partner_id = current_setting('app.partner_id', true)
                       OR current_setting('app.partner_id', true) = '*')
                WITH CHECK (partner_id = current_setting('app.partner_id', true)
                            OR current_setting('app.partner_id', true) = '*')
            $policy$, t);
    END LOOP;
END
$$;
