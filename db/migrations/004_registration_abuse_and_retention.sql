-- Abuse limits on the public form and retention of attendees' personal data.

-- Keyed hash (HMAC with the session secret) of the client address a citizen's sign-up came
-- from: enough to cap and group sign-ups from one source, never the address itself.
ALTER TABLE registrations ADD COLUMN client_key TEXT;
CREATE INDEX registrations_meeting_client ON registrations (meeting_id, client_key)
  WHERE client_key IS NOT NULL;

-- When the public form last mailed this registration its link because the address was
-- typed in again: at most one such mail per hour.
ALTER TABLE registrations ADD COLUMN link_mailed_at TEXT;

-- Who cancelled: a citizen may take back only their own cancellation.
ALTER TABLE registrations ADD COLUMN cancelled_by TEXT
  CHECK (cancelled_by IN ('citizen', 'organiser'));

-- Set once name, contact details and needs have been erased after the meeting.
ALTER TABLE registrations ADD COLUMN anonymised_at TEXT;

-- Which registration a mail is about, so its payload can be erased with the registration.
ALTER TABLE outbox ADD COLUMN registration_id INTEGER;
CREATE INDEX outbox_registration ON outbox (registration_id) WHERE registration_id IS NOT NULL;
