-- Files uploaded with `POST /attachments`. The bytes are on disk, outside
-- the database, under the row's `id` (a random UUID, never the user's file
-- name); `name` is the file name as given, cleaned for showing;
-- `content_type` is what the bytes are, not what the upload declared.
-- `request_id` stays NULL until a request takes the upload, in the
-- request's own transaction, which also sets `position` (the order the
-- request lists its files). Uploads still NULL after the orphan time
-- (24 hours by default) are deleted, row and file.
CREATE TABLE attachments (
    id           TEXT    PRIMARY KEY NOT NULL,
    name         TEXT    NOT NULL,
    size         INTEGER NOT NULL,
    content_type TEXT    NOT NULL,
    sha256       TEXT    NOT NULL,
    created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    request_id   TEXT    REFERENCES support_requests (id),
    position     INTEGER
);

CREATE INDEX attachments_request_id ON attachments (request_id);
CREATE INDEX attachments_orphans ON attachments (created_at) WHERE request_id IS NULL;
