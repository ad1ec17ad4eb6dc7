-- Whom each mail belongs to, so that erasing a person erases their mail and nobody else's
-- (issue 14): the meeting always, and the registration, question or case subscription it was
-- written for. No foreign keys, as with registration_id (migration 006): the erasure finds the
-- rows by these ids.
ALTER TABLE outbox ADD COLUMN question_id INTEGER;
ALTER TABLE outbox ADD COLUMN subscription_id INTEGER;
CREATE INDEX outbox_question ON outbox (question_id) WHERE question_id IS NOT NULL;
CREATE INDEX outbox_subscription ON outbox (subscription_id) WHERE subscription_id IS NOT NULL;

-- Mail from before knew its registration but not always its meeting.
UPDATE outbox SET meeting_id = (SELECT r.meeting_id FROM registrations r WHERE r.id = outbox.registration_id)
  WHERE meeting_id IS NULL AND registration_id IS NOT NULL;

-- A notice to an asker was queued after their question: the newest question from that address
-- asked before the mail is the one it was about.
UPDATE outbox SET question_id = (
    SELECT q.id FROM questions q
    WHERE lower(q.asker_email) = lower(outbox.to_address) AND q.created_at <= outbox.created_at
    ORDER BY q.created_at DESC, q.id DESC LIMIT 1)
  WHERE template = 'question-notice' AND to_address <> '';

-- Likewise a confirmation or an update to a subscriber.
UPDATE outbox SET subscription_id = (
    SELECT s.id FROM case_subscriptions s
    WHERE s.email_key = lower(outbox.to_address) AND s.created_at <= outbox.created_at
    ORDER BY s.created_at DESC, s.id DESC LIMIT 1)
  WHERE template IN ('case-confirm', 'case-update') AND to_address <> '';

-- They were none of the purposes the outbox view names.
UPDATE outbox SET purpose = 'other' WHERE template IN ('question-notice', 'case-confirm', 'case-update');

UPDATE outbox SET meeting_id = (SELECT q.meeting_id FROM questions q WHERE q.id = outbox.question_id)
  WHERE meeting_id IS NULL AND question_id IS NOT NULL;
UPDATE outbox SET meeting_id = (SELECT s.meeting_id FROM case_subscriptions s WHERE s.id = outbox.subscription_id)
  WHERE meeting_id IS NULL AND subscription_id IS NOT NULL;

-- Mail to a subscriber who has left (unsubscribing forgot the address on the subscription but
-- not on the mail sent to it), or to an asker already erased: nobody owns it any more. Its
-- .eml file, no longer named here, goes with the retention job's sweep of the outbox folder.
UPDATE outbox SET to_address = '', to_name = NULL, payload = NULL, ical = NULL, headers = NULL,
    eml_file = NULL, last_error = 'personal data erased',
    status = CASE WHEN status IN ('pending', 'failed') THEN 'dropped' ELSE status END
  WHERE to_address <> '' AND meeting_id IS NULL
    AND template IN ('question-notice', 'case-confirm', 'case-update');

-- A subscription forgotten on unsubscribing kept its confirm links, and one click on an old
-- one confirmed it again without an address: forgotten stays forgotten.
UPDATE case_subscriptions SET status = 'unsubscribed',
    unsubscribed_at = coalesce(unsubscribed_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  WHERE email = '' AND status <> 'unsubscribed';
DELETE FROM case_subscription_tokens WHERE purpose = 'confirm'
  AND subscription_id IN (SELECT id FROM case_subscriptions WHERE email = '');
