-- Confidentiality in questions (issue 17, ADR 0014): private questions, the reason a question
-- was declined, the organiser's confirmation that a flagged question may be published, and
-- each meeting's own moderation criteria and health words for the privacy guard.

-- "Send privately to the municipality": never public, never on the projector or in the
-- panel's export; answered by mail to the asker (an address is then required).
ALTER TABLE questions ADD COLUMN private INTEGER NOT NULL DEFAULT 0;

-- Why a question was declined, shown as a number per category on the public questions page
-- and to the asker on their own link. NULL for questions declined before the categories.
ALTER TABLE questions ADD COLUMN reject_category TEXT
  CHECK (reject_category IN ('personalData', 'duplicate', 'offTopic', 'abusive'));

-- The privacy guard found what looks like personal data in the asker's words: an organiser
-- confirms it was reworded ('reworded') or holds none ('none') before it can be published.
ALTER TABLE questions ADD COLUMN privacy_cleared TEXT
  CHECK (privacy_cleared IN ('reworded', 'none'));

-- Per meeting, beside its questions (question_boards): the criteria for moderation published
-- with the question form (empty: the default text in the reader's language, app/i18n), and the
-- words about health or diagnoses the privacy guard looks for, one a line (empty: the default
-- list in app/questions/privacy-guard.ts).
ALTER TABLE question_boards ADD COLUMN moderation_criteria TEXT NOT NULL DEFAULT '';
ALTER TABLE question_boards ADD COLUMN privacy_words TEXT NOT NULL DEFAULT '';
