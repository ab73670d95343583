-- PostgreSQL indexes the events by seq alone here, for the live reader
-- (backend/src/live.rs). On SQLite seq is still the events' primary key,
-- which serves it already; this keeps both databases' migrations numbered
-- alike.
SELECT 1;
