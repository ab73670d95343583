-- Row-level security is PostgreSQL's (see its 0020): SQLite has none. On
-- SQLite the queries alone keep partners apart, each naming its partner
-- (`partner_id = $n`); this file keeps the two folders' versions in step.
SELECT 1;
