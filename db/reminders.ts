import { nowIso, type DB } from "./connection";

/** A registration a reminder may be due for, with what the rules need to decide. */
export interface ReminderCandidate {
  registrationId: number;
  meetingId: number;
  status: "confirmed" | "waitlisted";
  createdAt: string;
  startsAt: string;
  reminderHours: string;
}

/**
 * Registrations with an email, still held or waiting, for published meetings that have not
 * started and start by `horizonEnd`: nothing else can be due.
 */
export function reminderCandidates(db: DB, now: string, horizonEnd: string): ReminderCandidate[] {
  return db
    .prepare(
      `SELECT r.id AS registrationId, r.meeting_id AS meetingId, r.status, r.created_at AS createdAt,
         m.starts_at AS startsAt, m.reminder_hours AS reminderHours
       FROM registrations r JOIN meetings m ON m.id = r.meeting_id
       WHERE m.status = 'published' AND m.starts_at > ? AND m.starts_at <= ?
         AND r.status IN ('confirmed', 'waitlisted') AND r.email IS NOT NULL`,
    )
    .all(now, horizonEnd) as ReminderCandidate[];
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
