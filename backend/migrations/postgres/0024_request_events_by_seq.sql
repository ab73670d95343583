-- Each process reads every partner's new events in order, after the last
-- one it handed on (backend/src/live.rs), each time events are written.
-- With the key (partner_id, seq) alone PostgreSQL read every event and
-- joined every request for each page. Not unique: only keys led by
-- partner_id are (see 0019); the counter keeps seq unique.
CREATE INDEX request_events_by_seq ON request_events (seq);
