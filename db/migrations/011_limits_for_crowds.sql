-- Limits that let a full hall on one Wi-Fi take part (ADR 0012).

-- Which browser a citizen's sign-up came from: the SHA-256 of the random id in its
-- fm_supporter cookie (app/platform/browser-id.server.ts), as question_supports already keeps
-- it. With the keyed address (client_key) it tells a hall of people on one network apart from
-- one device signing up many, for the per-person cap and the organisers' burst view. Erased
-- with the attendees' other personal data.
ALTER TABLE registrations ADD COLUMN browser_key TEXT;
CREATE INDEX registrations_meeting_browser ON registrations (meeting_id, browser_key)
  WHERE browser_key IS NOT NULL;

-- Keyed hash of the address a question came from, kept only while it waits for moderation:
-- the cap on questions waiting from one address counts these.
ALTER TABLE questions ADD COLUMN client_key TEXT;
CREATE INDEX questions_meeting_client_pending ON questions (meeting_id, client_key)
  WHERE client_key IS NOT NULL;
