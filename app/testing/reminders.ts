// Making a meeting's reminders fall due now, for the resilience tests and the benchmark.
import { immediate, type DB } from "../../db/connection";

const HOUR = 3_600_000;

/**
 * The day-before reminder of `meetingId` falls due now: the meeting moves to start in 23
 * hours with only that reminder, and everyone registered is dated two days back (the rules
 * send nothing to someone whose confirmation is fresh). Their confirmations are marked long
 * sent, so what reaches the SMTP server afterwards is reminders only. A running server's
 * scheduler finds them on its next tick.
 */
export function makeRemindersDue(db: DB, meetingId: number): void {
  const start = new Date(Date.now() + 23 * HOUR);
  start.setUTCSeconds(0, 0);
  const twoDaysAgo = new Date(Date.now() - 48 * HOUR).toISOString();
  immediate(db, () => {
    db.prepare(
      `UPDATE outbox SET status = 'sent', payload = NULL, ical = NULL, sent_at = created_at
       WHERE status = 'pending'
         AND registration_id IN (SELECT id FROM registrations WHERE meeting_id = ?)`,
    ).run(meetingId);
    db.prepare("UPDATE registrations SET created_at = ? WHERE meeting_id = ?").run(
      twoDaysAgo,
      meetingId,
    );
    db.prepare(
      "UPDATE meetings SET starts_at = ?, ends_at = ?, reminder_hours = '[24]' WHERE id = ?",
    ).run(start.toISOString(), new Date(start.getTime() + 2 * HOUR).toISOString(), meetingId);
  });
}
