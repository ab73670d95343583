-- Whose turn it is on each request, for the partner's unread count (GET
-- /unread): the number of the newest event of the request's filer (its
-- filing, a reply, a reply that opened it again) that nobody else has
-- acted on since, by a reply or a status change; NULL once someone else
-- has. `live::record` keeps it with each event. On a customer's message
-- it says that the customer is waiting for the partner, whichever of the
-- partner's staff answers.
ALTER TABLE support_requests ADD COLUMN awaiting_reply_seq BIGINT;
CREATE INDEX support_requests_awaiting_reply ON support_requests (kind, awaiting_reply_seq)
    WHERE awaiting_reply_seq IS NOT NULL;

-- The requests with events: the filer's newest, if nobody acted after it.
-- An event without an actor (a visitor's, an operator's set-status) is the
-- filer's on a request filed without a token, and someone else's on any
-- other.
UPDATE support_requests SET awaiting_reply_seq = (
    SELECT MAX(e.seq) FROM request_events e
    WHERE e.request_id = support_requests.id
      AND COALESCE(e.actor, '') = COALESCE(support_requests.filed_by, '')
)
WHERE (
    SELECT MAX(e.seq) FROM request_events e
    WHERE e.request_id = support_requests.id
      AND COALESCE(e.actor, '') = COALESCE(support_requests.filed_by, '')
) > (
    SELECT COALESCE(MAX(e.seq), 0) FROM request_events e
    WHERE e.request_id = support_requests.id
      AND COALESCE(e.actor, '') <> COALESCE(support_requests.filed_by, '')
);

-- Requests from before events were kept: 0 (before every event) where
-- nobody but the filer replied and the status never moved.
UPDATE support_requests SET awaiting_reply_seq = 0
WHERE NOT EXISTS (
    SELECT 1 FROM request_events e WHERE e.request_id = support_requests.id
)
AND NOT EXISTS (
    SELECT 1 FROM support_request_replies r
    WHERE r.request_id = support_requests.id
      AND COALESCE(r.author_sub, '') <> COALESCE(support_requests.filed_by, '')
)
AND NOT EXISTS (
    SELECT 1 FROM support_request_status_history h
    WHERE h.request_id = support_requests.id AND h.seq > 1
);
