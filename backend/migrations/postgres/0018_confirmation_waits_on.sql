-- One confirmation per address at a time: a visitor's message naming an
-- address whose link is still waiting (mailed, neither followed nor
-- expired) mails no new link; that link confirms it too. `waits_on` is
-- the waiting link's `token_sha256`; NULL on a row whose own link it is.
ALTER TABLE contact_confirmations ADD COLUMN waits_on TEXT;
CREATE INDEX contact_confirmations_waits_on ON contact_confirmations (waits_on)
    WHERE waits_on IS NOT NULL;
