-- A visitor without a token (`--anonymous-customers`) types any address as
-- their contact: nothing carrying their words is mailed there until the
-- address's owner follows the link in a first mail that carries only the
-- backend's own words. One row per such request; `token_sha256` is the
-- hex SHA-256 of the link's token (the token itself is only in the mail),
-- times are Unix milliseconds, `confirmed_at` NULL until it is followed;
-- `link_mailed` 1 when the link was mailed (at most a few a day to one
-- address).
CREATE TABLE contact_confirmations (
    request_id   TEXT   NOT NULL PRIMARY KEY REFERENCES support_requests (id),
    token_sha256 TEXT   NOT NULL UNIQUE,
    expires_at   BIGINT NOT NULL,
    confirmed_at BIGINT,
    link_mailed  BIGINT NOT NULL DEFAULT 0
);

-- The customers' messages filed without a token before this table was
-- there: none was ever confirmed, so none hears more by mail (their token
-- is no SHA-256 of any token, so no link confirms them).
INSERT INTO contact_confirmations (request_id, token_sha256, expires_at)
SELECT id, 'unconfirmable:' || id, 0
FROM support_requests
WHERE filed_by IS NULL AND kind = 'customer_self_service';
