-- What happened to each request, as the live stream (GET /events) tells
-- it and as each user's unread mark reads it: a request filed, a reply, a
-- status change, written in the transaction that made it happen. `seq`
-- numbers the events of every request together, in the order their
-- transactions committed: each takes the next number from
-- `request_event_counter`, whose one row it then holds until it commits,
-- so a stream that has seen an event has seen every one before it.
-- `status` is the request's status just after the event; `actor` the
-- token's subject of whoever caused it (NULL: nobody signed in, such as an
-- operator's `set-status` or a backend without sign-in).
CREATE TABLE request_events (
    seq        BIGINT  PRIMARY KEY NOT NULL,
    request_id TEXT    NOT NULL REFERENCES support_requests (id),
    event_type TEXT    NOT NULL,
    status     TEXT    NOT NULL,
    actor      TEXT,
    created_at BIGINT  NOT NULL
);
CREATE INDEX request_events_of_request ON request_events (request_id, seq);

CREATE TABLE request_event_counter (
    id   INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    last BIGINT  NOT NULL
);
INSERT INTO request_event_counter (id, last) VALUES (1, 0);

-- The last time each user (the token's subject) opened each request, as
-- the newest of its events then: what came after it, from someone else,
-- is unread.
CREATE TABLE request_seen (
    user_sub   TEXT   NOT NULL,
    request_id TEXT   NOT NULL REFERENCES support_requests (id),
    seen_seq   BIGINT NOT NULL,
    PRIMARY KEY (user_sub, request_id)
);
