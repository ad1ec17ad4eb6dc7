-- Organisers, their sessions and login throttling, the first-run setup link, the audit log,
-- and the record of meeting changes that attendees must be told about.

CREATE TABLE organisers (
  id             INTEGER PRIMARY KEY,
  email          TEXT    NOT NULL UNIQUE COLLATE NOCASE,
  name           TEXT    NOT NULL,
  role           TEXT    NOT NULL CHECK (role IN ('admin', 'organiser')),
  -- scrypt: "scrypt$N$r$p$salt$hash" (base64url parts).
  password_hash  TEXT    NOT NULL,
  created_at     TEXT    NOT NULL,
  updated_at     TEXT    NOT NULL,
  disabled_at    TEXT
);

CREATE TABLE sessions (
  -- SHA-256 of the random session id in the cookie.
  id_hash        TEXT    PRIMARY KEY,
  organiser_id   INTEGER NOT NULL REFERENCES organisers(id) ON DELETE CASCADE,
  created_at     TEXT    NOT NULL,
  last_seen_at   TEXT    NOT NULL,
  expires_at     TEXT    NOT NULL
);
CREATE INDEX sessions_organiser ON sessions (organiser_id);

-- Failed logins per account ("account:<email>") and per client ("ip:<address>").
CREATE TABLE login_failures (
  key              TEXT    PRIMARY KEY,
  failures         INTEGER NOT NULL,
  last_failure_at  TEXT    NOT NULL,
  blocked_until    TEXT
);

CREATE TABLE setup_tokens (
  token_hash  TEXT PRIMARY KEY,
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  used_at     TEXT
);

CREATE TABLE audit_log (
  id            INTEGER PRIMARY KEY,
  at            TEXT    NOT NULL,
  organiser_id  INTEGER REFERENCES organisers(id) ON DELETE SET NULL,
  -- Who, as shown at the time ("Kari Nordmann <kari@…>", "command line", "first-run setup").
  actor         TEXT    NOT NULL,
  action        TEXT    NOT NULL,
  meeting_id    INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
  target        TEXT,
  details       TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);

-- A change of time or place, a cancellation or its reversal: attendees are to be told.
CREATE TABLE meeting_changes (
  id            INTEGER PRIMARY KEY,
  meeting_id    INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  at            TEXT    NOT NULL,
  organiser_id  INTEGER REFERENCES organisers(id) ON DELETE SET NULL,
  kind          TEXT    NOT NULL CHECK (kind IN ('time', 'place', 'cancelled', 'restored')),
  before        TEXT    NOT NULL,
  after         TEXT    NOT NULL,
  sequence      INTEGER NOT NULL,
  notified_at   TEXT
);
CREATE INDEX meeting_changes_meeting ON meeting_changes (meeting_id);

-- Hours before the start at which reminders go out (JSON array, e.g. [168, 24]).
ALTER TABLE meetings ADD COLUMN reminder_hours TEXT NOT NULL DEFAULT '[168,24]';

-- Who made the registration: the citizen, or an organiser for someone who phoned or walked in.
ALTER TABLE registrations ADD COLUMN source TEXT NOT NULL DEFAULT 'citizen'
  CHECK (source IN ('citizen', 'organiser'));
ALTER TABLE registrations ADD COLUMN phone TEXT;
ALTER TABLE registrations ADD COLUMN note TEXT NOT NULL DEFAULT '';
