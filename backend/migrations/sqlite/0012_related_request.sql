-- An escalation to 21Vianet (kind `customer`) may name the customer's
-- message it escalates (`related_request`): the message then shows what it
-- became (`escalated_as` in its answer).
ALTER TABLE support_requests ADD COLUMN related_request TEXT REFERENCES support_requests (id);
CREATE INDEX support_requests_related_request ON support_requests (related_request);
