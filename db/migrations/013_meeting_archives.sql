-- Archive packages downloaded for the municipality's records (Archives Act): which meeting,
-- when, by whom, in which format, and whether the organiser chose to include personal data.
-- The dashboard compares the newest with the retention date.
CREATE TABLE meeting_archives (
  id             INTEGER PRIMARY KEY,
  meeting_id     INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  at             TEXT    NOT NULL,
  organiser_id   INTEGER REFERENCES organisers(id) ON DELETE SET NULL,
  format         TEXT    NOT NULL CHECK (format IN ('pdf', 'csv', 'json')),
  personal_data  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX meeting_archives_meeting ON meeting_archives (meeting_id, at);

-- The mail warning organisers, ARCHIVE_WARNING_DAYS before the erasure, that a meeting has no
-- archive package yet: sent once per meeting and organiser.
CREATE TABLE archive_warnings (
  meeting_id    INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  organiser_id  INTEGER NOT NULL REFERENCES organisers(id) ON DELETE CASCADE,
  at            TEXT    NOT NULL,
  PRIMARY KEY (meeting_id, organiser_id)
);
-- Mail written for an organiser (the archive warning), not for a citizen.
ALTER TABLE outbox ADD COLUMN organiser_id INTEGER;
