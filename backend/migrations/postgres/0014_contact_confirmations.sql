-- A visitor without a token (`--anonymous-customers`) types any address as
-- their contact: nothing carrying their words is mailed there until the
-- address's owner follows the link in a first mail that carries only the
-- backend's own words. One row per such request; `token_sha256` is the
-- hex SHA-256 of the link's token (the token itself is only in the mail),
-- times are Unix milliseconds, `confirmed_at` NULL until it is followed.
CREATE TABLE contact_confirmations (
    request_id   TEXT   NOT NULL PRIMARY KEY REFERENCES support_requests (id),
    token_sha256 TEXT   NOT NULL UNIQUE,
    expires_at   BIGINT NOT NULL,
    confirmed_at BIGINT
);
