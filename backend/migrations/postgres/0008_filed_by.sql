-- Who filed each request and who uploaded each file: the `sub` of the
-- caller's token, NULL for one filed without a token (--no-auth, or a
-- visitor of a public help page). A user reads back their own requests and
-- files; their own requests are listed newest first.
ALTER TABLE support_requests ADD COLUMN filed_by TEXT;
CREATE INDEX support_requests_filed_by ON support_requests (filed_by, seq);

ALTER TABLE attachments ADD COLUMN uploaded_by TEXT;
CREATE INDEX attachments_uploaded_by ON attachments (uploaded_by) WHERE request_id IS NULL;
