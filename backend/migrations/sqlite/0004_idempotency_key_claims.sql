-- A key is now claimed in a short transaction of its own before the request
-- is filed, so that a retry arriving meanwhile can be told "in flight" (409)
-- instead of waiting. A row with status_code 0 is such a claim; its
-- claim_token says which request holds it, so that a claim abandoned by a
-- stopped process can be taken over (after a short while) and the
-- abandoned holder, should it wake up, can no longer complete it. Kept
-- identical in sqlite/ and postgres/: adding a nullable column means the
-- same in both.
ALTER TABLE idempotency_keys ADD COLUMN claim_token TEXT;
