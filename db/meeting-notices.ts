import { nowIso, type DB } from "./connection";
import type { MeetingChange } from "./meetings";

/** Changes attendees have not been told about, oldest first, up to and including `upToId`. */
export function unnotifiedChanges(
  db: DB,
  meetingId: number,
  upToId = Number.MAX_SAFE_INTEGER,
): MeetingChange[] {
  return db
    .prepare(
      `SELECT id, meeting_id AS meetingId, at, organiser_id AS organiserId, kind, before, after,
         sequence, notified_at AS notifiedAt
       FROM meeting_changes WHERE meeting_id = ? AND notified_at IS NULL AND id <= ?
       ORDER BY id`,
    )
    .all(meetingId, upToId) as MeetingChange[];
}

export function markNotified(db: DB, ids: number[], at = nowIso()): number {
  const stmt = db.prepare(
    "UPDATE meeting_changes SET notified_at = ? WHERE id = ? AND notified_at IS NULL",
  );
  let n = 0;
  for (const id of ids) n += stmt.run(at, id).changes;
  return n;
}
