import { nowIso, type DB } from "./connection";

/** A meeting that may have a reminder due, with what the rules need to decide. */
export interface ReminderMeeting {
  id: number;
  startsAt: string;
  /** The offsets as stored: a JSON array of hours before the start. */
  reminderHours: string;
}

/** Published meetings that have not started and start by `horizonEnd`: nothing else can be due. */
export function meetingsWithReminders(db: DB, now: string, horizonEnd: string): ReminderMeeting[] {
  return db
    .prepare<[string, string], ReminderMeeting>(
      `SELECT id, starts_at AS startsAt, reminder_hours AS reminderHours FROM meetings
       WHERE status = 'published' AND starts_at > ? AND starts_at <= ? AND reminder_hours <> '[]'`,
    )
    .all(now, horizonEnd);
}

/**
 * The registrations of a meeting still owed the reminder `hours` before `startsAt`: with an
 * email, still held or waiting, signed up by `signedUpBy`, and without a claim for this or a
 * shorter offset at this start (a later reminder supersedes an earlier one). Read without
 * building a row per attendee who has theirs already, so a scheduler tick after a fan-out
 * costs a query, not ten thousand objects. The claim's UNIQUE key still decides any race.
 */
export function registrationsToRemind(
  db: DB,
  meeting: Pick<ReminderMeeting, "id" | "startsAt">,
  hours: number,
  signedUpBy: string,
): number[] {
  return db
    .prepare<[number, string, string, number], { id: number }>(
      `SELECT r.id FROM registrations r
       WHERE r.meeting_id = ? AND r.status IN ('confirmed', 'waitlisted')
         AND r.email IS NOT NULL AND r.created_at <= ?
         AND NOT EXISTS (SELECT 1 FROM reminders c WHERE c.registration_id = r.id
           AND c.starts_at = ? AND c.hours <= ?)
       ORDER BY r.id`,
    )
    .all(meeting.id, signedUpBy, meeting.startsAt, hours)
    .map((r) => r.id);
}

/** Claims a reminder; false when it was claimed before (by this or another run). */
export function claimReminder(
  db: DB,
  registrationId: number,
  hours: number,
  startsAt: string,
): number | null {
  const { changes, lastInsertRowid } = db
    .prepare(
      `INSERT OR IGNORE INTO reminders (registration_id, hours, starts_at, claimed_at)
       VALUES (?, ?, ?, ?)`,
    )
    .run(registrationId, hours, startsAt, nowIso());
  return changes === 1 ? Number(lastInsertRowid) : null;
}

export function attachOutbox(db: DB, reminderId: number, outboxId: number) {
  db.prepare("UPDATE reminders SET outbox_id = ? WHERE id = ?").run(outboxId, reminderId);
}

export interface QueuedReminder {
  remindedStart: string;
  startsAt: string;
  meetingStatus: string;
  registrationStatus: string;
}

/** The reminder an outbox row carries, with the meeting and registration as they are now. */
export function queuedReminder(db: DB, outboxId: number): QueuedReminder | undefined {
  return db
    .prepare(
      `SELECT rem.starts_at AS remindedStart, m.starts_at AS startsAt, m.status AS meetingStatus,
         r.status AS registrationStatus
       FROM reminders rem JOIN registrations r ON r.id = rem.registration_id
         JOIN meetings m ON m.id = r.meeting_id
       WHERE rem.outbox_id = ?`,
    )
    .get(outboxId) as QueuedReminder | undefined;
}

export interface SentReminder {
  hours: number;
  startsAt: string;
  claimedAt: string;
  outboxId: number | null;
}

export function remindersFor(db: DB, registrationId: number): SentReminder[] {
  return db
    .prepare(
      `SELECT hours, starts_at AS startsAt, claimed_at AS claimedAt, outbox_id AS outboxId
       FROM reminders WHERE registration_id = ? ORDER BY id`,
    )
    .all(registrationId) as SentReminder[];
}

/** Reminders claimed per offset for a meeting at its current start time. */
export function claimedPerOffset(db: DB, meetingId: number, startsAt: string): Map<number, number> {
  const rows = db
    .prepare(
      `SELECT rem.hours, count(*) AS n FROM reminders rem
         JOIN registrations r ON r.id = rem.registration_id
       WHERE r.meeting_id = ? AND rem.starts_at = ? GROUP BY rem.hours`,
    )
    .all(meetingId, startsAt) as { hours: number; n: number }[];
  return new Map(rows.map((r) => [r.hours, r.n]));
}
