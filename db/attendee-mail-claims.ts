import { nowIso, type DB } from "./connection";

/**
 * Mail that goes once per registration and occasion (migration 017): the stream link at its
 * reveal time, keyed by the start it was written for, and the recording, keyed ''.
 */
export type ClaimKind = "stream" | "recording";

/** Claims the mail; false when it was claimed before (by this or another run or process). */
export function claimAttendeeMail(
  db: DB,
  registrationId: number,
  kind: ClaimKind,
  key: string,
): boolean {
  const { changes } = db
    .prepare(
      `INSERT OR IGNORE INTO attendee_mail_claims (registration_id, kind, key, claimed_at)
       VALUES (?, ?, ?, ?)`,
    )
    .run(registrationId, kind, key, nowIso());
  return changes === 1;
}

export function attachClaimOutbox(
  db: DB,
  registrationId: number,
  kind: ClaimKind,
  key: string,
  outboxId: number,
) {
  db.prepare(
    `UPDATE attendee_mail_claims SET outbox_id = ?
       WHERE registration_id = ? AND kind = ? AND key = ? AND outbox_id IS NULL`,
  ).run(outboxId, registrationId, kind, key);
}

/**
 * Online attendees who may be due their stream mail: a meeting with a link, starting by
 * `horizon` and not over, and no stream mail yet for its start. Whether the link is out yet
 * is the stream rule's to say (app/registrations/stream.server.ts).
 */
export function streamMailCandidates(
  db: DB,
  now: string,
  horizon: string,
): { registrationId: number; meetingId: number }[] {
  return db
    .prepare(
      `SELECT r.id AS registrationId, r.meeting_id AS meetingId
       FROM registrations r JOIN meetings m ON m.id = r.meeting_id
       WHERE m.status = 'published' AND m.attendance != 'hall'
         AND (m.stream_url IS NOT NULL OR m.dial_in != '')
         AND m.ends_at > @now AND m.starts_at <= @horizon
         AND r.attendance = 'online' AND r.status = 'confirmed' AND r.email IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM attendee_mail_claims c
                         WHERE c.registration_id = r.id AND c.kind = 'stream' AND c.key = m.starts_at)`,
    )
    .all({ now, horizon }) as { registrationId: number; meetingId: number }[];
}

/**
 * Everyone still signed up (either way, seated or waiting) for an ended meeting with a
 * recording, who has not been sent it.
 */
export function dueRecordingMails(
  db: DB,
  now: string,
): { registrationId: number; meetingId: number }[] {
  return db
    .prepare(
      `SELECT r.id AS registrationId, r.meeting_id AS meetingId
       FROM registrations r JOIN meetings m ON m.id = r.meeting_id
       WHERE m.status = 'published' AND m.recording_url IS NOT NULL AND m.ends_at <= @now
         AND r.status != 'cancelled' AND r.email IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM attendee_mail_claims c
                         WHERE c.registration_id = r.id AND c.kind = 'recording')`,
    )
    .all({ now }) as { registrationId: number; meetingId: number }[];
}

/** How many of a meeting's registrations were sent this mail (the stream's: for `key`). */
export function attendeeMailsSent(
  db: DB,
  meetingId: number,
  kind: ClaimKind,
  key: string | null = null,
): number {
  return (
    db
      .prepare(
        `SELECT count(*) AS n FROM attendee_mail_claims c
           JOIN registrations r ON r.id = c.registration_id
         WHERE r.meeting_id = ? AND c.kind = ? AND (? IS NULL OR c.key = ?)`,
      )
      .get(meetingId, kind, key, key) as { n: number }
  ).n;
}

/** The claim an outbox row carries, with the registration and meeting as they are now. */
export function queuedStreamMail(db: DB, outboxId: number) {
  return db
    .prepare(
      `SELECT c.key AS writtenFor, m.starts_at AS startsAt, m.status AS meetingStatus,
         r.status AS registrationStatus, r.attendance
       FROM attendee_mail_claims c JOIN registrations r ON r.id = c.registration_id
         JOIN meetings m ON m.id = r.meeting_id
       WHERE c.outbox_id = ? AND c.kind = 'stream'`,
    )
    .get(outboxId) as
    | {
        writtenFor: string;
        startsAt: string;
        meetingStatus: string;
        registrationStatus: string;
        attendance: string;
      }
    | undefined;
}
