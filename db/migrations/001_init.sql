-- Meetings, their agenda and question themes, citizen registrations and the mail outbox.
-- All timestamps are UTC ISO-8601 strings; wall times are converted at the edges.

CREATE TABLE meetings (
  id                      INTEGER PRIMARY KEY,
  slug                    TEXT    NOT NULL UNIQUE,
  title                   TEXT    NOT NULL,
  description             TEXT    NOT NULL DEFAULT '',
  starts_at               TEXT    NOT NULL,
  ends_at                 TEXT    NOT NULL,
  venue_name              TEXT    NOT NULL,
  address                 TEXT    NOT NULL,
  map_url                 TEXT,
  accessibility           TEXT    NOT NULL DEFAULT '',
  capacity                INTEGER NOT NULL CHECK (capacity >= 0),
  max_party_size          INTEGER NOT NULL DEFAULT 4 CHECK (max_party_size >= 1),
  status                  TEXT    NOT NULL DEFAULT 'draft'
                                  CHECK (status IN ('draft', 'published', 'cancelled')),
  -- iCalendar SEQUENCE: raised whenever time, place or status changes.
  sequence                INTEGER NOT NULL DEFAULT 0,
  registration_opens_at   TEXT,
  registration_closes_at  TEXT,
  contact_name            TEXT,
  contact_email           TEXT,
  contact_phone           TEXT,
  created_at              TEXT    NOT NULL,
  updated_at              TEXT    NOT NULL,
  CHECK (ends_at > starts_at)
);

CREATE TABLE agenda_items (
  id          INTEGER PRIMARY KEY,
  meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  time_label  TEXT,
  title       TEXT    NOT NULL,
  UNIQUE (meeting_id, position)
);

CREATE TABLE question_themes (
  id          INTEGER PRIMARY KEY,
  meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  title       TEXT    NOT NULL,
  description TEXT    NOT NULL DEFAULT '',
  UNIQUE (meeting_id, position)
);

CREATE TABLE registrations (
  id                  INTEGER PRIMARY KEY,
  meeting_id          INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  name                TEXT    NOT NULL,
  email               TEXT,
  -- Lower-cased email: the key for "same person registers again".
  email_key           TEXT,
  party_size          INTEGER NOT NULL CHECK (party_size >= 1),
  needs_accessibility INTEGER NOT NULL DEFAULT 0,
  needs_interpreter   INTEGER NOT NULL DEFAULT 0,
  needs_other         INTEGER NOT NULL DEFAULT 0,
  needs_text          TEXT    NOT NULL DEFAULT '',
  status              TEXT    NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
  -- Order on the waitlist; kept when a waitlisted registration is edited.
  waitlisted_at       TEXT,
  check_in_code       TEXT    NOT NULL UNIQUE,
  checked_in_at       TEXT,
  consent_at          TEXT,
  created_at          TEXT    NOT NULL,
  updated_at          TEXT    NOT NULL,
  cancelled_at        TEXT
);

CREATE UNIQUE INDEX registrations_meeting_email ON registrations (meeting_id, email_key)
  WHERE email_key IS NOT NULL;
CREATE INDEX registrations_meeting_status ON registrations (meeting_id, status);

-- Personal manage links. Every email carries a fresh one and older ones keep working, so a
-- citizen can use whichever email they find. Only the SHA-256 of a token is stored.
CREATE TABLE registration_tokens (
  token_hash       TEXT    PRIMARY KEY,
  registration_id  INTEGER NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
  created_at       TEXT    NOT NULL
);
CREATE INDEX registration_tokens_registration ON registration_tokens (registration_id);

CREATE TABLE outbox (
  id               INTEGER PRIMARY KEY,
  created_at       TEXT    NOT NULL,
  to_address       TEXT    NOT NULL,
  to_name          TEXT,
  template         TEXT    NOT NULL,
  -- JSON props for the template; cleared once sent, as it may hold a manage link.
  payload          TEXT,
  ical_method      TEXT,
  ical             TEXT,
  status           TEXT    NOT NULL DEFAULT 'pending'
                           CHECK (status IN ('pending', 'sent', 'failed')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  TEXT    NOT NULL,
  last_error       TEXT,
  sent_at          TEXT,
  message_id       TEXT
);

CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
