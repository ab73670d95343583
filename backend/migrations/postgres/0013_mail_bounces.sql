-- Addresses that an SMTP server refused for good (550, 551 or 553: no such
-- mailbox): no mail goes to them until an operator clears them
-- (`support-backend bounced clear ADDRESS`). Addresses are kept in
-- lowercase; `since` is Unix milliseconds, `reason` the server's answer.
CREATE TABLE mail_bounces (
    address TEXT   NOT NULL PRIMARY KEY,
    since   BIGINT NOT NULL,
    reason  TEXT   NOT NULL
);
