-- Reminders, per-registration calendar SEQUENCE and a richer outbox (issue 9).

-- The outbox is rebuilt to widen its states: 'sending' while the SMTP server has it, 'dropped'
-- for a reminder that went stale before it could be sent. It also learns what a message is
-- about (meeting, registration, purpose), whom replies go to, and the attachment's name.
CREATE TABLE outbox_new (
  id               INTEGER PRIMARY KEY,
  created_at       TEXT    NOT NULL,
  to_address       TEXT    NOT NULL,
  to_name          TEXT,
  template         TEXT    NOT NULL,
  -- JSON props for the template; cleared once sent, as it may hold a manage link.
  payload          TEXT,
  ical_method      TEXT,
  ical             TEXT,
  ical_filename    TEXT,
  reply_to         TEXT,
  purpose          TEXT    NOT NULL DEFAULT 'registration'
                           CHECK (purpose IN ('registration', 'notice', 'reminder', 'message', 'other')),
  meeting_id       INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
  -- No foreign key, as in migration 004: retention erases by it (db/outbox.ts).
  registration_id  INTEGER,
  status           TEXT    NOT NULL DEFAULT 'pending'
                           CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'dropped')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  TEXT    NOT NULL,
  last_error       TEXT,
  sent_at          TEXT,
  message_id       TEXT,
  -- Without SMTP the mail is written to DATA_DIR/outbox/; the organisers' view links to it.
  eml_file         TEXT,
  -- Extra headers as JSON (migration 005), dropped with the payload once sent.
  headers          TEXT
);
INSERT INTO outbox_new (id, created_at, to_address, to_name, template, payload, ical_method, ical,
    status, attempts, next_attempt_at, last_error, sent_at, message_id, registration_id, headers)
  SELECT id, created_at, to_address, to_name, template, payload, ical_method, ical, status,
    attempts, next_attempt_at, last_error, sent_at, message_id, registration_id, headers FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_meeting ON outbox (meeting_id);
CREATE INDEX outbox_registration ON outbox (registration_id) WHERE registration_id IS NOT NULL;

-- One row per reminder claimed: (registration, hours before, the start time it was computed
-- from). The UNIQUE key is what makes a reminder go out exactly once, even with two scheduler
-- runs racing; a moved meeting has a new start time and so gets its reminders afresh.
CREATE TABLE reminders (
  id               INTEGER PRIMARY KEY,
  registration_id  INTEGER NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
  hours            INTEGER NOT NULL,
  starts_at        TEXT    NOT NULL,
  claimed_at       TEXT    NOT NULL,
  outbox_id        INTEGER REFERENCES outbox(id) ON DELETE SET NULL,
  UNIQUE (registration_id, hours, starts_at)
);

-- Practical facts for attendees ("Ta med legitimasjon"), shown on the page and in reminders.
ALTER TABLE meetings ADD COLUMN what_to_bring TEXT NOT NULL DEFAULT '';

-- A citizen's own cancellation and re-joining change their copy of the event, not the
-- meeting: their SEQUENCE is the meeting's plus this per-registration count, so it only rises.
CREATE TABLE calendar_sequences (
  registration_id  INTEGER PRIMARY KEY REFERENCES registrations(id) ON DELETE CASCADE,
  bumps            INTEGER NOT NULL DEFAULT 0
);
