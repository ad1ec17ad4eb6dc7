import { randomUUID } from "node:crypto";
import { nowIso, withoutWaitingForDisk, type DB } from "./connection";

export type OutboxStatus = "pending" | "sending" | "sent" | "failed" | "dropped";
export type OutboxPurpose = "registration" | "notice" | "reminder" | "message" | "other";

/** Why an erased message was not sent, as the organisers' outbox view shows it. */
const ERASED = "personal data erased";

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
  questionId: number | null;
  subscriptionId: number | null;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
  /** File name of the written .eml, when mail goes to files instead of SMTP. */
  emlFile: string | null;
  /** Extra mail headers as JSON (e.g. List-Unsubscribe), or null. */
  headers: string | null;
  /**
   * The unique part of the Message-ID every attempt is sent with (null for mail queued before
   * migration 019).
   */
  messageKey: string | null;
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
  /** Every mail is about a meeting: its organisers see it, and its retention erases it. */
  meetingId: number;
  /** Extra mail headers, such as List-Unsubscribe; dropped with the payload once sent. */
  headers?: Record<string, string> | null;
  /**
   * Whom the mail was written for: a registration, an asker's question or a case
   * subscription. Erasing that person's data erases the mail with it, never by address.
   */
  registrationId?: number | null;
  questionId?: number | null;
  subscriptionId?: number | null;
  /** An organiser's own mail (the archive warning). */
  organiserId?: number | null;
}

const columns = `id, created_at AS createdAt, to_address AS toAddress, to_name AS toName, template,
  payload, ical_method AS icalMethod, ical, ical_filename AS icalFilename, reply_to AS replyTo,
  purpose, meeting_id AS meetingId, registration_id AS registrationId,
  question_id AS questionId, subscription_id AS subscriptionId, status, attempts,
  next_attempt_at AS nextAttemptAt, last_error AS lastError, sent_at AS sentAt,
  eml_file AS emlFile, headers, message_key AS messageKey`;

export function enqueue(db: DB, m: NewOutboxMessage): number {
  const now = nowIso();
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO outbox (created_at, to_address, to_name, template, payload, ical_method, ical,
         ical_filename, reply_to, purpose, meeting_id, registration_id, question_id,
         subscription_id, organiser_id, next_attempt_at, headers, message_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
      m.meetingId,
      m.registrationId ?? null,
      m.questionId ?? null,
      m.subscriptionId ?? null,
      m.organiserId ?? null,
      now,
      m.headers ? JSON.stringify(m.headers) : null,
      randomUUID(),
    );
  return Number(lastInsertRowid);
}

/**
 * The next message due (by `now`), marked as sending in the same statement: the SMTP server
 * has it from here on; a crash leaves it 'sending' until requeueInterrupted() at boot. One
 * statement, so two senders never take the same message, and the pick costs one commit
 * instead of a query and a mark. Like the marks below, it commits without waiting for the
 * disk (withoutWaitingForDisk).
 */
export function takeDue(db: DB, now = nowIso()): OutboxMessage | undefined {
  return withoutWaitingForDisk(db, () =>
    db
      .prepare<[string], OutboxMessage>(
        `UPDATE outbox SET status = 'sending' WHERE id = (
           SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?
           ORDER BY next_attempt_at, id LIMIT 1)
         RETURNING ${columns}`,
      )
      .get(now),
  );
}

/** Marks a message as in the SMTP server's hands, as takeDue() does (for tests' set-ups). */
export function markSending(db: DB, id: number) {
  mark(db, "UPDATE outbox SET status = 'sending' WHERE id = ? AND status = 'pending'", id);
}

/** One of the worker's marks: a statement committed without waiting for the disk. */
function mark(db: DB, sql: string, ...params: unknown[]) {
  withoutWaitingForDisk(db, () => db.prepare(sql).run(...params));
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
  mark(
    db,
    `UPDATE outbox SET status = 'dropped', payload = NULL, ical = NULL, headers = NULL, last_error = ?
     WHERE id = ? AND status IN ('pending', 'sending', 'failed')`,
    reason,
    id,
  );
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

/**
 * Sent: the payload (which may hold a personal link) is dropped, the envelope kept. A row
 * erased while its mail was in flight does not take the file's name back: the retention
 * job's sweep removes a file no row names.
 */
export function markSent(
  db: DB,
  id: number,
  messageId: string | null,
  emlFile: string | null = null,
) {
  mark(
    db,
    `UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, payload = NULL,
       ical = NULL, headers = NULL, message_id = ?, last_error = NULL,
       eml_file = CASE WHEN to_address = '' THEN NULL ELSE ? END WHERE id = ?`,
    nowIso(),
    messageId,
    emlFile,
    id,
  );
}

/**
 * A failed attempt. A row erased while its mail was in flight is dropped instead, without the
 * error, which may quote the address.
 */
export function markAttemptFailed(db: DB, id: number, error: string, nextAttemptAt: string | null) {
  mark(
    db,
    `UPDATE outbox SET attempts = attempts + 1,
       last_error = CASE WHEN to_address = '' THEN '${ERASED}' ELSE ? END,
       status = CASE WHEN status = 'dropped' OR to_address = '' THEN 'dropped'
         WHEN ? IS NULL THEN 'failed' ELSE 'pending' END,
       next_attempt_at = coalesce(?, next_attempt_at) WHERE id = ?`,
    error.slice(0, 1000),
    nextAttemptAt,
    nextAttemptAt,
    id,
  );
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
 * Whose mail to erase: a meeting's (everything written for its attendees and askers; its
 * case subscribers' mail has their own rule), or some case subscriptions'.
 */
export type MailOwners =
  | { meetingId: number }
  | { subscriptionIds: readonly number[] }
  | { registrationIds: readonly number[] }
  | { questionIds: readonly number[] };

const ownerColumns = {
  subscriptionIds: "subscription_id",
  registrationIds: "registration_id",
  questionIds: "question_id",
} as const;

function ownedBy(owners: MailOwners): { where: string; param: number | string } {
  if ("meetingId" in owners) {
    return { where: "meeting_id = ? AND subscription_id IS NULL", param: owners.meetingId };
  }
  const [kind, ids] = Object.entries(owners)[0] as [keyof typeof ownerColumns, number[]];
  return {
    where: `${ownerColumns[kind]} IN (SELECT value FROM json_each(?))`,
    param: JSON.stringify(ids),
  };
}

/** What a person may see of the mail written for them (their own data, app/own-data/). */
export interface OwnMail {
  createdAt: string;
  toAddress: string;
  template: string;
  purpose: OutboxPurpose;
  status: OutboxStatus;
  sentAt: string | null;
}

/** The mail of these owners, oldest first; an erased message has no address left to show. */
export function mailOf(db: DB, owners: Exclude<MailOwners, { meetingId: number }>): OwnMail[] {
  const { where, param } = ownedBy(owners);
  return db
    .prepare<unknown[], OwnMail>(
      `SELECT created_at AS createdAt, to_address AS toAddress, template, purpose, status,
         sent_at AS sentAt FROM outbox WHERE ${where} AND to_address <> '' ORDER BY id`,
    )
    .all(param);
}

/** The mail of these owners that still holds something of the recipient. */
export function mailToErase(db: DB, owners: MailOwners): { id: number; emlFile: string | null }[] {
  const { where, param } = ownedBy(owners);
  return db
    .prepare<unknown[], { id: number; emlFile: string | null }>(
      `SELECT id, eml_file AS emlFile FROM outbox WHERE ${where}
         AND (to_address <> '' OR to_name IS NOT NULL OR payload IS NOT NULL OR ical IS NOT NULL
           OR headers IS NOT NULL OR eml_file IS NOT NULL)`,
    )
    .all(param);
}

/**
 * Erases recipient and content (the error text too: an SMTP error quotes the address) of these
 * messages. What was not sent yet is dropped: there is nobody left to send it to. A message in
 * the SMTP server's hands stays `sending`; markSent() then keeps no file name for it.
 */
export function eraseMail(db: DB, ids: readonly number[]): number {
  return db
    .prepare(
      `UPDATE outbox SET to_address = '', to_name = NULL, payload = NULL, ical = NULL,
         headers = NULL, eml_file = NULL,
         last_error = CASE WHEN status IN ('pending', 'failed') THEN '${ERASED}' END,
         status = CASE WHEN status IN ('pending', 'failed') THEN 'dropped' ELSE status END
       WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .run(JSON.stringify(ids)).changes;
}

/** Meetings that ended before `endedBefore` whose own mail still holds a recipient. */
export function meetingsWithMailToErase(db: DB, endedBefore: string): number[] {
  return db
    .prepare<[string], { id: number }>(
      `SELECT m.id FROM meetings m WHERE m.ends_at < ? AND EXISTS (
         SELECT 1 FROM outbox o WHERE o.meeting_id = m.id AND o.subscription_id IS NULL
           AND (o.to_address <> '' OR o.eml_file IS NOT NULL OR o.payload IS NOT NULL))
       ORDER BY m.id`,
    )
    .all(endedBefore)
    .map((r) => r.id);
}

/** Every .eml file name the outbox still refers to. */
export function emlFiles(db: DB): Set<string> {
  return new Set(
    db
      .prepare<[], { f: string }>("SELECT eml_file AS f FROM outbox WHERE eml_file IS NOT NULL")
      .all()
      .map((r) => r.f),
  );
}
