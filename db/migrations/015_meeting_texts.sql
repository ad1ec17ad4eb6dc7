-- A meeting's own texts in the citizens' other languages (app/meetings/meeting-texts.server.ts):
-- the organiser writes them beside the bokmål ones; a missing one is shown in bokmål. The
-- agenda is one text, a line per agenda item in the bokmål agenda's order.
CREATE TABLE meeting_texts (
  meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  language    TEXT    NOT NULL,
  field       TEXT    NOT NULL CHECK (field IN
                ('title', 'description', 'accessibility', 'whatToBring', 'agenda', 'questionGuidance')),
  text        TEXT    NOT NULL,
  PRIMARY KEY (meeting_id, language, field)
) WITHOUT ROWID;
