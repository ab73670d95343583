-- 21Vianet's desk finds a request or a file by its id alone, whichever
-- partner's it is, and lists every partner's requests of one kind, newest
-- first (backend/src/partner/desk.rs): the keys lead with partner_id, so
-- these need their own indexes. Not unique: only keys led by partner_id
-- are (see 0019).
CREATE INDEX support_requests_by_id ON support_requests (id);
CREATE INDEX support_requests_by_kind ON support_requests (kind, seq);
CREATE INDEX attachments_by_id ON attachments (id);
