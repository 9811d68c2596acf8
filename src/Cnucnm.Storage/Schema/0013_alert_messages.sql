-- Alerts carry their title and detail as message codes with parameters (issue 19, "Korean everywhere"): the API renders them
-- in the caller's language; title and detail stay the English text (e-mails, events, older alerts without codes).
ALTER TABLE alerts ADD COLUMN IF NOT EXISTS messages jsonb NULL;
