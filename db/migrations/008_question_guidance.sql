-- What the question form tells askers about this meeting's case ("don't write about who will
-- live in the small houses"): it belongs to the meeting, not to every meeting. Empty means the
-- neutral text in the reader's language (app/i18n). The demo meeting had its Røros text built
-- into the form until now; it keeps it as its own.
ALTER TABLE meetings ADD COLUMN question_guidance TEXT NOT NULL DEFAULT '';

UPDATE meetings
   SET question_guidance = 'Ikke skriv navn eller opplysninger om andre personer, for eksempel om helse eller hvem som skal bo i småhusene. De som skal bo der, har krav på personvern, og kommunen har taushetsplikt.'
 WHERE slug = 'smahus-gjosvika';
