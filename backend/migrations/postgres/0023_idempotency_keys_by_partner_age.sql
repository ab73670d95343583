-- Every claim of an Idempotency-Key first deletes its partner's expired
-- keys (backend/src/requests/idempotency/keys.rs). With only the primary
-- key (partner_id, key) and an index on created_at, the database matched
-- partner_id and read every key the partner holds, so each filing grew
-- slower as the partner filed more. Led by partner_id, the index finds
-- the expired ones alone.
DROP INDEX idempotency_keys_created_at;
CREATE INDEX idempotency_keys_partner_created_at ON idempotency_keys (partner_id, created_at);
