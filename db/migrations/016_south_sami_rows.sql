-- Rows remember South Sámi too ('sma', app/i18n's importedLanguages), so a South Sámi reader's
-- mail is written with the texts translators brought in. SQLite cannot change a CHECK, so each
-- language column is made anew with the wider one, its values copied, the old one dropped.
ALTER TABLE registrations ADD COLUMN language_new TEXT NOT NULL DEFAULT 'nb'
  CHECK (language_new IN ('nb', 'nn', 'en', 'sma'));
UPDATE registrations SET language_new = language;
ALTER TABLE registrations DROP COLUMN language;
ALTER TABLE registrations RENAME COLUMN language_new TO language;

ALTER TABLE questions ADD COLUMN language_new TEXT NOT NULL DEFAULT 'nb'
  CHECK (language_new IN ('nb', 'nn', 'en', 'sma'));
UPDATE questions SET language_new = language;
ALTER TABLE questions DROP COLUMN language;
ALTER TABLE questions RENAME COLUMN language_new TO language;

ALTER TABLE case_subscriptions ADD COLUMN language_new TEXT NOT NULL DEFAULT 'nb'
  CHECK (language_new IN ('nb', 'nn', 'en', 'sma'));
UPDATE case_subscriptions SET language_new = language;
ALTER TABLE case_subscriptions DROP COLUMN language;
ALTER TABLE case_subscriptions RENAME COLUMN language_new TO language;
