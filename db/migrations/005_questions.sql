-- Citizens' questions before and during a meeting, their support, moderation and answers;
-- the meeting's written summary and attachments; "keep me updated" subscriptions and updates.

CREATE TABLE questions (
  id               INTEGER PRIMARY KEY,
  meeting_id       INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  -- The theme's title as chosen; NULL is "Annet". A title, not an id: the meeting editor
  -- replaces question_themes wholesale, so ids do not survive an edit.
  theme            TEXT,
  -- The asker's own words (editable by them while pending). Organisers only once edited.
  original_text    TEXT    NOT NULL,
  -- The organisers' public wording (personal details removed); NULL shows original_text.
  public_text      TEXT,
  asker_name       TEXT,
  show_name        INTEGER NOT NULL DEFAULT 0,
  asker_email      TEXT,
  status           TEXT    NOT NULL DEFAULT 'pending'
                           CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn', 'merged')),
  -- Internal, never shown to the public or the asker.
  reject_reason    TEXT,
  merged_into      INTEGER REFERENCES questions(id) ON DELETE SET NULL,
  starred          INTEGER NOT NULL DEFAULT 0,
  -- The panel's order for approved questions (1 = first).
  agenda_position  INTEGER,
  answer           TEXT,
  answered_at      TEXT,
  -- When the asker's "your question is answered" notice was queued.
  notified_at      TEXT,
  source           TEXT    NOT NULL DEFAULT 'web' CHECK (source IN ('web', 'hall')),
  created_at       TEXT    NOT NULL,
  updated_at       TEXT    NOT NULL,
  approved_at      TEXT
);
CREATE INDEX questions_meeting_status ON questions (meeting_id, status);

-- The asker's private receipt links; only the SHA-256 of a token is stored.
CREATE TABLE question_tokens (
  token_hash   TEXT    PRIMARY KEY,
  question_id  INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
  created_at   TEXT    NOT NULL
);
CREATE INDEX question_tokens_question ON question_tokens (question_id);

-- "Jeg lurer også på dette": one row per person (SHA-256 of their supporter cookie).
CREATE TABLE question_supports (
  question_id    INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
  supporter_key  TEXT    NOT NULL,
  created_at     TEXT    NOT NULL,
  PRIMARY KEY (question_id, supporter_key)
);

-- Per meeting: the question on the projector now, and the written summary (referat).
CREATE TABLE question_boards (
  meeting_id            INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
  current_question_id   INTEGER REFERENCES questions(id) ON DELETE SET NULL,
  summary               TEXT    NOT NULL DEFAULT '',
  answers_published_at  TEXT,
  updated_at            TEXT    NOT NULL
);

-- Slides and other files published with the answers. Stored in SQLite (ADR 0005).
CREATE TABLE meeting_attachments (
  id            INTEGER PRIMARY KEY,
  meeting_id    INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  filename      TEXT    NOT NULL,
  content_type  TEXT    NOT NULL,
  size          INTEGER NOT NULL,
  content       BLOB    NOT NULL,
  created_at    TEXT    NOT NULL
);
CREATE INDEX meeting_attachments_meeting ON meeting_attachments (meeting_id);

-- "Hold meg oppdatert om saken": double opt-in, one-click unsubscribe.
CREATE TABLE case_subscriptions (
  id                 INTEGER PRIMARY KEY,
  meeting_id         INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  email              TEXT    NOT NULL,
  email_key          TEXT    NOT NULL,
  status             TEXT    NOT NULL CHECK (status IN ('pending', 'confirmed', 'unsubscribed')),
  created_at         TEXT    NOT NULL,
  confirmed_at       TEXT,
  unsubscribed_at    TEXT,
  UNIQUE (meeting_id, email_key)
);

-- Confirm and unsubscribe links: every mail carries a fresh one and older ones keep working,
-- as with manage links. Only the SHA-256 of a token is stored.
CREATE TABLE case_subscription_tokens (
  token_hash       TEXT    PRIMARY KEY,
  subscription_id  INTEGER NOT NULL REFERENCES case_subscriptions(id) ON DELETE CASCADE,
  purpose          TEXT    NOT NULL CHECK (purpose IN ('confirm', 'unsubscribe')),
  created_at       TEXT    NOT NULL
);
CREATE INDEX case_subscription_tokens_subscription ON case_subscription_tokens (subscription_id);

CREATE TABLE case_updates (
  id            INTEGER PRIMARY KEY,
  meeting_id    INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  title         TEXT    NOT NULL,
  body          TEXT    NOT NULL,
  organiser_id  INTEGER REFERENCES organisers(id) ON DELETE SET NULL,
  created_at    TEXT    NOT NULL
);

-- Extra mail headers (JSON object), e.g. List-Unsubscribe; cleared with the payload once sent.
ALTER TABLE outbox ADD COLUMN headers TEXT;
