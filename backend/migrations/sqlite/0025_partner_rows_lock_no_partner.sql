-- PostgreSQL drops its partner tables' references to `partners` here
-- (see its 0025): each write took a share lock on the partner's row. On
-- SQLite a write takes the whole database's lock anyway, so they stay;
-- this keeps both databases' migrations numbered alike.
SELECT 1;
