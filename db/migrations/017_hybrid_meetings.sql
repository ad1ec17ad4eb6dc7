-- Hybrid meetings (ADR 0016): a meeting is held in the hall, online, or both. Online attendance
-- takes no hall seat; its places are counted on their own (online_capacity, NULL for no limit).
-- The stream link is the organiser's to share: only confirmed online attendees see it, from
-- stream_reveal_minutes before the start.
ALTER TABLE meetings ADD COLUMN attendance TEXT NOT NULL DEFAULT 'hall'
  CHECK (attendance IN ('hall', 'online', 'both'));
ALTER TABLE meetings ADD COLUMN stream_url TEXT;
ALTER TABLE meetings ADD COLUMN dial_in TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN stream_reveal_minutes INTEGER NOT NULL DEFAULT 15
  CHECK (stream_reveal_minutes BETWEEN 0 AND 1440);
ALTER TABLE meetings ADD COLUMN online_capacity INTEGER CHECK (online_capacity >= 0);
ALTER TABLE meetings ADD COLUMN recording_url TEXT;

-- How this registration attends. The waitlist is per way of attending.
ALTER TABLE registrations ADD COLUMN attendance TEXT NOT NULL DEFAULT 'hall'
  CHECK (attendance IN ('hall', 'online'));

-- Questions from online attendees ('online') go into the same queue, marked digital. SQLite
-- cannot widen a CHECK, so the column is made anew and its values copied.
ALTER TABLE questions ADD COLUMN source_new TEXT NOT NULL DEFAULT 'web'
  CHECK (source_new IN ('web', 'hall', 'online'));
UPDATE questions SET source_new = source;
ALTER TABLE questions DROP COLUMN source;
ALTER TABLE questions RENAME COLUMN source_new TO source;

-- Mail that goes once per registration and occasion: the stream link at its reveal time (key:
-- the start it was written for, so a moved meeting sends it again) and the recording (key '').
-- Claimed in the transaction that queues the mail, so it goes exactly once.
CREATE TABLE attendee_mail_claims (
  registration_id INTEGER NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
  kind            TEXT    NOT NULL CHECK (kind IN ('stream', 'recording')),
  key             TEXT    NOT NULL,
  claimed_at      TEXT    NOT NULL,
  outbox_id       INTEGER,
  PRIMARY KEY (registration_id, kind, key)
);
