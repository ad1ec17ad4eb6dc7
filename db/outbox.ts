import { nowIso, type DB } from "./connection";

export interface OutboxMessage {
  id: number;
  createdAt: string;
  toAddress: string;
  toName: string | null;
  template: string;
  payload: string | null;
  icalMethod: string | null;
  ical: string | null;
  status: "pending" | "sent" | "failed";
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
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
  /** Extra mail headers, such as List-Unsubscribe; dropped with the payload once sent. */
  headers?: Record<string, string> | null;
  /** The registration the mail is about, so retention can erase it with the registration. */
  registrationId?: number | null;
}

const columns = `id, created_at AS createdAt, to_address AS toAddress, to_name AS toName, template,
  payload, ical_method AS icalMethod, ical, status, attempts, next_attempt_at AS nextAttemptAt,
  last_error AS lastError, sent_at AS sentAt, headers`;

export function enqueue(db: DB, m: NewOutboxMessage): number {
  const now = nowIso();
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO outbox (created_at, to_address, to_name, template, payload, ical_method, ical,
         next_attempt_at, headers, registration_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      now,
      m.toAddress,
      m.toName ?? null,
      m.template,
      JSON.stringify(m.payload),
      m.icalMethod ?? null,
      m.ical ?? null,
      now,
      m.headers ? JSON.stringify(m.headers) : null,
      m.registrationId ?? null,
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
    .prepare<unknown[], { at: string | null }>("SELECT min(next_attempt_at) AS at FROM outbox WHERE status = 'pending'")
    .get()!;
  return row.at;
}

/** Sent: the payload (which may hold a personal link) is dropped, the envelope kept. */
export function markSent(db: DB, id: number, messageId: string | null) {
  db.prepare(
    `UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, payload = NULL,
       ical = NULL, headers = NULL, message_id = ?, last_error = NULL WHERE id = ?`,
  ).run(nowIso(), messageId, id);
}

export function markAttemptFailed(db: DB, id: number, error: string, nextAttemptAt: string | null) {
  db.prepare(
    `UPDATE outbox SET attempts = attempts + 1, last_error = ?,
       status = CASE WHEN ? IS NULL THEN 'failed' ELSE 'pending' END,
       next_attempt_at = coalesce(?, next_attempt_at) WHERE id = ?`,
  ).run(error.slice(0, 1000), nextAttemptAt, nextAttemptAt, id);
}

export function getMessage(db: DB, id: number): OutboxMessage | undefined {
  return db.prepare(`SELECT ${columns} FROM outbox WHERE id = ?`).get(id) as
    | OutboxMessage
    | undefined;
}

export function listMessages(db: DB): OutboxMessage[] {
  return db.prepare<unknown[], OutboxMessage>(`SELECT ${columns} FROM outbox ORDER BY id`).all();
}

export function countByStatus(db: DB): Record<OutboxMessage["status"], number> {
  const rows = db.prepare<unknown[], {
    status: OutboxMessage["status"];
    n: number;
  }>("SELECT status, count(*) AS n FROM outbox GROUP BY status").all();
  const out = { pending: 0, sent: 0, failed: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}

/** The newest failure, for telling organisers that mail is not going out. */
export function lastFailure(db: DB): { at: string; error: string | null } | undefined {
  return db
    .prepare<unknown[], { at: string; error: string | null }>(
      `SELECT coalesce(sent_at, next_attempt_at) AS at, last_error AS error FROM outbox
       WHERE last_error IS NOT NULL AND status != 'sent' ORDER BY id DESC LIMIT 1`,
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
