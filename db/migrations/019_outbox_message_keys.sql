-- The unique part of a mail's Message-ID, chosen when the mail is queued (db/outbox.ts
-- enqueue). Every attempt sends the same one, so a mail sent again after a crash or a lost
-- reply (at-least-once, ADR 0003) is the same message to the receiving side, not a new one.
-- Mail queued before this migration has none: nodemailer makes one per attempt, as before.
ALTER TABLE outbox ADD COLUMN message_key TEXT;
