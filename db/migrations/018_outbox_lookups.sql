-- The mail worker asks, for each reminder it is about to send, whether it is still due: the
-- reminder and the stream-mail claim are found by their outbox row. Without an index each
-- lookup read every reminder ever claimed (0.1 ms at 10,000, growing with every meeting), and
-- deleting an outbox row (ON DELETE SET NULL) did the same.
CREATE INDEX reminders_outbox ON reminders (outbox_id);
CREATE INDEX attendee_mail_claims_outbox ON attendee_mail_claims (outbox_id);
