-- A sign-up counts, inside its transaction, the people already signed up from its address and
-- its browser (the per-address and per-person caps), the confirmed seats, and its place on the
-- waitlist. Each index below holds what its count reads, so the count walks index entries
-- only instead of looking up every matching row in the table: with 2,000 sign-ups from one
-- address (a hall on one Wi-Fi, or the benchmark) the address's sum and the waitlist place
-- took about 0.2 ms each a sign-up, growing with every sign-up. Replaced, not added: a
-- registration still updates as many indexes as before.
DROP INDEX registrations_meeting_status;
CREATE INDEX registrations_meeting_status
  ON registrations (meeting_id, status, attendance, waitlisted_at, party_size);

DROP INDEX registrations_meeting_client;
CREATE INDEX registrations_meeting_client
  ON registrations (meeting_id, client_key, status, party_size)
  WHERE client_key IS NOT NULL;

DROP INDEX registrations_meeting_browser;
CREATE INDEX registrations_meeting_browser
  ON registrations (meeting_id, browser_key, status, party_size)
  WHERE browser_key IS NOT NULL;
