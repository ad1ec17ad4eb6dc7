import { nowIso, type DB } from "./connection";

export type OutboxStatus = "pending" | "sending" | "sent" | "failed" | "dropped";
export type OutboxPurpose = "registration" | "notice" | "reminder" | "message" | "other";

export interface OutboxMessage {
  id: number;
  createdAt: string;
  toAddress: string;
  toName: string | null;
  template: string;
  payload: string | null;
  icalMethod: string | null;
  ical: string | null;
  icalFilename: string | null;
  replyTo: string | null;
  purpose: OutboxPurpose;
  meetingId: number | null;
  registrationId: number | null;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
  /** File name of the written .eml, when mail goes to files instead of SMTP. */
  emlFile: string | null;
  /** Extra mail headers as JSON (e.g. List-Unsubscribe), or null. */
  headers: string | null;
}

export interface NewOutboxMessage {
  toAddress: string;
  toName?: string | null;
  template: string;
  payload: unknown;
  icalMethod?: string | null;
  ical?: string | null;
  /** Name of the calendar attachment as the recipient sees it. */
  icalFilename?: string | null;
  replyTo?: string | null;
  purpose?: OutboxPurpose;
  meetingId?: number | null;
  /** Extra mail headers, such as List-Unsubscribe; dropped with the payload once sent. */
  headers?: Record<string, string> | null;
  /** The registration the mail is about, so retention can erase it with the registration. */
  registrationId?: number | null;
}

const columns = `id, created_at AS createdAt, to_address AS toAddress, to_name AS toName, template,
  payload, ical_method AS icalMethod, ical, ical_filename AS icalFilename, reply_to AS replyTo,
  purpose, meeting_id AS meetingId, registration_id AS registrationId, status, attempts,
  next_attempt_at AS nextAttemptAt, last_error AS lastError, sent_at AS sentAt,
  eml_file AS emlFile, headers`;

export function enqueue(db: DB, m: NewOutboxMessage): number {
  const now = nowIso();
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO outbox (created_at, to_address, to_name, template, payload, ical_method, ical,
         ical_filename, reply_to, purpose, meeting_id, registration_id, next_attempt_at, headers)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      now,
      m.toAddress,
      m.toName ?? null,
      m.template,
      JSON.stringify(m.payload),
      m.icalMethod ?? null,
      m.ical ?? null,
      m.icalFilename ?? null,
      m.replyTo ?? null,
      m.purpose ?? "registration",
      m.meetingId ?? null,
      m.registrationId ?? null,
      now,
      m.headers ? JSON.stringify(m.headers) : null,
    );
  return Number(lastInsertRowid);
}

export function due(db: DB, limit = 20, now = nowIso()): OutboxMessage[] {
  return db
    .prepare<unknown[], OutboxMessage>(
      `SELECT ${columns} FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?
       ORDER BY next_attempt_at, id LIMIT ?`,
    )
    .all(now, limit);
}

/** When the next pending message falls due, or null when nothing is pending. */
export function nextDueAt(db: DB): string | null {
  const row = db
    .prepare<unknown[], { at: string | null }>(
      "SELECT min(next_attempt_at) AS at FROM outbox WHERE status = 'pending'",
    )
    .get()!;
  return row.at;
}

/** The SMTP server has it now; a crash leaves it here until requeueInterrupted() at boot. */
export function markSending(db: DB, id: number) {
  db.prepare("UPDATE outbox SET status = 'sending' WHERE id = ? AND status = 'pending'").run(id);
}

/**
 * Messages left 'sending' by a process that stopped mid-send go back to the queue: whether
 * the SMTP server accepted them is unknown, and resending is better than losing (ADR 0003).
 */
export function requeueInterrupted(db: DB): number {
  return db.prepare("UPDATE outbox SET status = 'pending' WHERE status = 'sending'").run().changes;
}

/** Not to be sent after all (a reminder gone stale); the payload goes as with a sent one. */
export function markDropped(db: DB, id: number, reason: string) {
  db.prepare(
    `UPDATE outbox SET status = 'dropped', payload = NULL, ical = NULL, headers = NULL, last_error = ?
     WHERE id = ? AND status IN ('pending', 'sending', 'failed')`,
  ).run(reason, id);
}

/** An organiser's retry of a failed message: queued again now, with a fresh count of attempts. */
export function requeueFailed(db: DB, id: number): boolean {
  return (
    db
      .prepare(
        `UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ?
         WHERE id = ? AND status = 'failed' AND payload IS NOT NULL`,
      )
      .run(nowIso(), id).changes === 1
  );
}

/** Sent: the payload (which may hold a personal link) is dropped, the envelope kept. */
export function markSent(
  db: DB,
  id: number,
  messageId: string | null,
  emlFile: string | null = null,
) {
  db.prepare(
    `UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, payload = NULL,
       ical = NULL, headers = NULL, message_id = ?, last_error = NULL, eml_file = ? WHERE id = ?`,
  ).run(nowIso(), messageId, emlFile, id);
}

export function markAttemptFailed(db: DB, id: number, error: string, nextAttemptAt: string | null) {
  db.prepare(
    `UPDATE outbox SET attempts = attempts + 1, last_error = ?,
       status = CASE WHEN status = 'dropped' THEN status WHEN ? IS NULL THEN 'failed' ELSE 'pending' END,
       next_attempt_at = coalesce(?, next_attempt_at) WHERE id = ?`,
  ).run(error.slice(0, 1000), nextAttemptAt, nextAttemptAt, id);
}

export function getMessage(db: DB, id: number): OutboxMessage | undefined {
  return db.prepare(`SELECT ${columns} FROM outbox WHERE id = ?`).get(id) as
    OutboxMessage | undefined;
}

export function listMessages(db: DB): OutboxMessage[] {
  return db.prepare<unknown[], OutboxMessage>(`SELECT ${columns} FROM outbox ORDER BY id`).all();
}

/** Messages about one meeting, newest first, for the organisers' outbox view. */
export function listForMeeting(db: DB, meetingId: number, limit = 500): OutboxMessage[] {
  return db
    .prepare<unknown[], OutboxMessage>(
      `SELECT ${columns} FROM outbox WHERE meeting_id = ? ORDER BY id DESC LIMIT ?`,
    )
    .all(meetingId, limit);
}

export function countByStatus(db: DB): Record<OutboxStatus, number> {
  const rows = db
    .prepare<unknown[], { status: OutboxStatus; n: number }>(
      "SELECT status, count(*) AS n FROM outbox GROUP BY status",
    )
    .all();
  const out = { pending: 0, sending: 0, sent: 0, failed: 0, dropped: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}

/** The newest failure, for telling organisers that mail is not going out. */
export function lastFailure(db: DB): { at: string; error: string | null } | undefined {
  return db
    .prepare<unknown[], { at: string; error: string | null }>(
      `SELECT coalesce(sent_at, next_attempt_at) AS at, last_error AS error FROM outbox
       WHERE last_error IS NOT NULL AND status NOT IN ('sent', 'dropped') ORDER BY id DESC LIMIT 1`,
    )
    .get();
}

/**
 * Erases the recipient and content of every mail about these registrations. Mail not yet sent
 * is marked failed: there is no one left to send it to.
 */
export function eraseForRegistrations(db: DB, meetingId: number) {
  db.prepare(
    `UPDATE outbox SET to_address = '', to_name = NULL, payload = NULL, ical = NULL,
       last_error = NULL, status = CASE WHEN status = 'pending' THEN 'failed' ELSE status END
     WHERE registration_id IN (SELECT id FROM registrations WHERE meeting_id = ?)`,
  ).run(meetingId);
}
