import { nowIso, type DB } from "./connection";

export interface NewAuditEntry {
  /** The organiser who acted, if any (null for the command line and first-run setup). */
  organiserId: number | null;
  /** Who acted, as shown at the time. */
  actor: string;
  /** Dotted name such as "organiser.create" or "meeting.update". */
  action: string;
  meetingId?: number | null;
  /** What was acted on, in words: an email address, a registration id… */
  target?: string | null;
  details?: Record<string, unknown> | null;
  at?: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  organiserId: number | null;
  /** The organiser's current name, or null when the account is gone or there was none. */
  organiserName: string | null;
  actor: string;
  action: string;
  meetingId: number | null;
  target: string | null;
  details: Record<string, unknown> | null;
}

export function insertAudit(db: DB, entry: NewAuditEntry): number {
  const result = db
    .prepare(
      `INSERT INTO audit_log (at, organiser_id, actor, action, meeting_id, target, details)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      entry.at ?? nowIso(),
      entry.organiserId,
      entry.actor,
      entry.action,
      entry.meetingId ?? null,
      entry.target ?? null,
      entry.details ? JSON.stringify(entry.details) : null,
    );
  return Number(result.lastInsertRowid);
}

/** Newest first. */
export function listAudit(
  db: DB,
  options: { limit: number; offset?: number; meetingId?: number },
): AuditEntry[] {
  const rows = db
    .prepare(
      `SELECT a.id, a.at, a.organiser_id AS organiserId, o.name AS organiserName, a.actor,
         a.action, a.meeting_id AS meetingId, a.target, a.details
       FROM audit_log a LEFT JOIN organisers o ON o.id = a.organiser_id
       WHERE (? IS NULL OR a.meeting_id = ?)
       ORDER BY a.at DESC, a.id DESC LIMIT ? OFFSET ?`,
    )
    .all(
      options.meetingId ?? null,
      options.meetingId ?? null,
      options.limit,
      options.offset ?? 0,
    ) as (Omit<AuditEntry, "details"> & { details: string | null })[];
  return rows.map((row) => ({
    ...row,
    details: row.details === null ? null : (JSON.parse(row.details) as Record<string, unknown>),
  }));
}

export function countAudit(db: DB, options: { meetingId?: number } = {}): number {
  return db
    .prepare<unknown[], { n: number }>(
      "SELECT count(*) AS n FROM audit_log WHERE (? IS NULL OR meeting_id = ?)",
    )
    .get(options.meetingId ?? null, options.meetingId ?? null)!.n;
}

/**
 * Drops the recipient from the log entries about these messages (an organiser read or retried
 * them); the entries stay, with the message id.
 */
export function eraseMailTargets(db: DB, outboxIds: readonly number[]) {
  if (outboxIds.length === 0) return;
  db.prepare(
    `UPDATE audit_log SET target = NULL
     WHERE action LIKE 'mail.%' AND target IS NOT NULL
       AND json_extract(details, '$.messageId') IN (SELECT value FROM json_each(?))`,
  ).run(JSON.stringify(outboxIds));
}

/** Drops attendees' names from the log entries about one meeting's registrations. */
export function eraseAttendeeTargets(db: DB, meetingId: number) {
  db.prepare(
    `UPDATE audit_log SET target = NULL
     WHERE meeting_id = ? AND (action LIKE 'registration.%' OR action LIKE 'checkin.%')`,
  ).run(meetingId);
}

/**
 * Drops one attendee's name from the log entries about their registration (they erased their
 * own data): entries naming several attendees lose all names, as the log keeps no list of whose
 * name is whose.
 */
export function eraseRegistrationTargets(db: DB, meetingId: number, registrationId: number) {
  db.prepare(
    `UPDATE audit_log SET target = NULL
     WHERE meeting_id = ? AND (action LIKE 'registration.%' OR action LIKE 'checkin.%')
       AND (json_extract(details, '$.registrationId') = ?
         OR ? IN (SELECT value FROM json_each(coalesce(json_extract(details, '$.registrationIds'), '[]'))))`,
  ).run(meetingId, registrationId, registrationId);
}
