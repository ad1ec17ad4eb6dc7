-- Texts that translators brought in as a file (app/translations/): South Sámi first. One row
-- per key and plural form ('' for a text without forms). An import replaces a language's rows.
CREATE TABLE translations (
  language  TEXT NOT NULL,
  key       TEXT NOT NULL,
  form      TEXT NOT NULL CHECK (form IN ('', 'zero', 'one', 'two', 'other')),
  text      TEXT NOT NULL,
  PRIMARY KEY (language, key, form)
) WITHOUT ROWID;
