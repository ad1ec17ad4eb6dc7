/** "Hold meg oppdatert om saken": one row per address and meeting, and the updates sent. */
import { nowIso, type DB, type StoredLanguage } from "./connection";

export type SubscriptionStatus = "pending" | "confirmed" | "unsubscribed";

export interface CaseSubscription {
  id: number;
  meetingId: number;
  email: string;
  status: SubscriptionStatus;
  createdAt: string;
  confirmedAt: string | null;
  /** The page's language when they subscribed; updates are sent in it. */
  language: StoredLanguage;
}

const columns = `s.id, s.meeting_id AS meetingId, s.email, s.status, s.created_at AS createdAt,
  s.confirmed_at AS confirmedAt, s.language`;

/**
 * The subscription for this address, created as pending when there is none. Asking again in
 * another language changes it only while unconfirmed: anyone can type an address, so a
 * confirmed subscriber's language is not someone else's to change.
 */
export function upsertSubscription(
  db: DB,
  meetingId: number,
  email: string,
  language: StoredLanguage = "nb",
): CaseSubscription {
  const key = email.trim().toLowerCase();
  db.prepare(
    `INSERT INTO case_subscriptions (meeting_id, email, email_key, status, created_at, language)
     VALUES (?, ?, ?, 'pending', ?, ?) ON CONFLICT (meeting_id, email_key) DO UPDATE
     SET language = excluded.language WHERE case_subscriptions.status <> 'confirmed'`,
  ).run(meetingId, email.trim(), key, nowIso(), language);
  return db
    .prepare(
      `SELECT ${columns} FROM case_subscriptions s WHERE s.meeting_id = ? AND s.email_key = ?`,
    )
    .get(meetingId, key) as CaseSubscription;
}

export function setSubscriptionStatus(db: DB, id: number, status: SubscriptionStatus) {
  const now = nowIso();
  db.prepare(
    `UPDATE case_subscriptions SET status = @status,
       confirmed_at = CASE WHEN @status = 'confirmed' THEN @now ELSE confirmed_at END,
       unsubscribed_at = CASE WHEN @status = 'unsubscribed' THEN @now ELSE NULL END
     WHERE id = @id`,
  ).run({ id, status, now });
}

/**
 * Unsubscribing, or the end of its retention, forgets the address. The row stays (without it)
 * so its unsubscribe links still answer "you are unsubscribed"; its confirm links go, so
 * nobody can confirm a subscription without an address. Subscribing again with the same
 * address makes a new row.
 */
export function forgetSubscriptions(db: DB, ids: readonly number[]) {
  const list = JSON.stringify(ids);
  db.prepare(
    `UPDATE case_subscriptions SET status = 'unsubscribed', email = '', email_key = 'removed:' || id,
       unsubscribed_at = coalesce(unsubscribed_at, ?)
     WHERE id IN (SELECT value FROM json_each(?)) AND email <> ''`,
  ).run(nowIso(), list);
  db.prepare(
    `DELETE FROM case_subscription_tokens
     WHERE purpose = 'confirm' AND subscription_id IN (SELECT value FROM json_each(?))`,
  ).run(list);
}

/**
 * Subscriptions whose address is due to go: unconfirmed ones once their meeting's retention
 * has run out (`meetingEndedBefore`), confirmed ones once neither the meeting nor an update
 * about its case is newer than `quietSince`.
 */
export function subscriptionsToForget(
  db: DB,
  meetingEndedBefore: string,
  quietSince: string,
): { id: number; meetingId: number }[] {
  return db
    .prepare<[string, string], { id: number; meetingId: number }>(
      `SELECT s.id, s.meeting_id AS meetingId FROM case_subscriptions s
         JOIN meetings m ON m.id = s.meeting_id
       WHERE s.email <> '' AND (
         (s.status <> 'confirmed' AND m.ends_at < ?)
         OR (s.status = 'confirmed'
           AND max(m.ends_at, coalesce(
             (SELECT max(u.created_at) FROM case_updates u WHERE u.meeting_id = m.id), '')) < ?))
       ORDER BY s.meeting_id, s.id`,
    )
    .all(meetingEndedBefore, quietSince);
}

export function addSubscriptionToken(
  db: DB,
  subscriptionId: number,
  purpose: "confirm" | "unsubscribe",
  hash: string,
) {
  db.prepare(
    "INSERT INTO case_subscription_tokens (token_hash, subscription_id, purpose, created_at) VALUES (?, ?, ?, ?)",
  ).run(hash, subscriptionId, purpose, nowIso());
}

export function getSubscriptionByToken(
  db: DB,
  purpose: "confirm" | "unsubscribe",
  hash: string,
): CaseSubscription | undefined {
  return db
    .prepare(
      `SELECT ${columns} FROM case_subscription_tokens t JOIN case_subscriptions s ON s.id = t.subscription_id
       WHERE t.token_hash = ? AND t.purpose = ?`,
    )
    .get(hash, purpose) as CaseSubscription | undefined;
}

/** This address's subscription to one meeting's case, if it has one (a person's own data). */
export function subscriptionsOf(db: DB, meetingId: number, email: string): CaseSubscription[] {
  return db
    .prepare(
      `SELECT ${columns} FROM case_subscriptions s
       WHERE s.meeting_id = ? AND s.email_key = lower(?) AND s.email <> '' ORDER BY s.id`,
    )
    .all(meetingId, email.trim()) as CaseSubscription[];
}

export function listConfirmed(db: DB, meetingId: number): CaseSubscription[] {
  return db
    .prepare(
      `SELECT ${columns} FROM case_subscriptions s
       WHERE s.meeting_id = ? AND s.status = 'confirmed' AND s.email <> '' ORDER BY s.id`,
    )
    .all(meetingId) as CaseSubscription[];
}

export interface CaseUpdate {
  id: number;
  meetingId: number;
  title: string;
  body: string;
  createdAt: string;
}

export function insertCaseUpdate(
  db: DB,
  u: { meetingId: number; title: string; body: string; organiserId: number | null },
): number {
  const { lastInsertRowid } = db
    .prepare(
      "INSERT INTO case_updates (meeting_id, title, body, organiser_id, created_at) VALUES (?, ?, ?, ?, ?)",
    )
    .run(u.meetingId, u.title, u.body, u.organiserId, nowIso());
  return Number(lastInsertRowid);
}

/** Newest first. */
export function listCaseUpdates(db: DB, meetingId: number): CaseUpdate[] {
  return db
    .prepare(
      `SELECT id, meeting_id AS meetingId, title, body, created_at AS createdAt FROM case_updates
       WHERE meeting_id = ? ORDER BY created_at DESC, id DESC`,
    )
    .all(meetingId) as CaseUpdate[];
}
