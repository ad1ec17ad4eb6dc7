/** Archive packages made of a meeting for the municipality's records (migration 013). */
import { nowIso, type DB } from "./connection";

export type ArchiveFormat = "pdf" | "csv" | "json";

export function recordArchive(
  db: DB,
  entry: { meetingId: number; organiserId: number; format: ArchiveFormat; personalData: boolean },
  at = nowIso(),
): void {
  db.prepare(
    `INSERT INTO meeting_archives (meeting_id, at, organiser_id, format, personal_data)
     VALUES (?, ?, ?, ?, ?)`,
  ).run(entry.meetingId, at, entry.organiserId, entry.format, entry.personalData ? 1 : 0);
}

/** The newest archive package of a meeting, if any was made. */
export function lastArchive(
  db: DB,
  meetingId: number,
): { at: string; format: ArchiveFormat } | undefined {
  return db
    .prepare<[number], { at: string; format: ArchiveFormat }>(
      `SELECT at, format FROM meeting_archives WHERE meeting_id = ? ORDER BY at DESC, id DESC LIMIT 1`,
    )
    .get(meetingId);
}

/**
 * Meetings whose erasure falls before `erasureBefore` (and is still ahead: ended after
 * `endedAfter`), with no archive package yet, paired with each active organiser not yet
 * warned about them.
 */
export function archiveWarningsDue(
  db: DB,
  endedBefore: string,
  endedAfter: string,
): { meetingId: number; organiserId: number; email: string; name: string }[] {
  return db
    .prepare<
      [string, string],
      { meetingId: number; organiserId: number; email: string; name: string }
    >(
      `SELECT m.id AS meetingId, o.id AS organiserId, o.email, o.name
       FROM meetings m CROSS JOIN organisers o
       WHERE m.status <> 'draft' AND m.ends_at < ? AND m.ends_at > ? AND o.disabled_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM meeting_archives a WHERE a.meeting_id = m.id)
         AND NOT EXISTS (SELECT 1 FROM archive_warnings w
                         WHERE w.meeting_id = m.id AND w.organiser_id = o.id)
       ORDER BY m.id, o.id`,
    )
    .all(endedBefore, endedAfter);
}

export function recordArchiveWarning(
  db: DB,
  meetingId: number,
  organiserId: number,
  at = nowIso(),
) {
  db.prepare(
    "INSERT OR IGNORE INTO archive_warnings (meeting_id, organiser_id, at) VALUES (?, ?, ?)",
  ).run(meetingId, organiserId, at);
}
