import type { DB } from "../../db/connection";
import {
  clearFailures,
  deleteStaleFailures,
  getLoginFailure,
  recordFailure,
  type LoginFailure,
} from "../../db/login-failures";

/**
 * Login throttling, per account and per client address, kept in the database so a restart
 * doesn't wipe it. The first failures are free (typos happen); after that each failure blocks
 * the key for twice as long as the last, up to a cap. Nothing is ever locked for good, so an
 * attacker can slow an organiser's logins down but not lock the organiser out.
 */
export const FREE_FAILURES = 5;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 15 * 60_000;
const RESET_AFTER_MS = 24 * 3600_000;

export interface LoginAttempt {
  email: string;
  ip: string;
}

export type LoginCheck = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;
const keys = (attempt: LoginAttempt) => [accountKey(attempt.email), ipKey(attempt.ip)];

/** How long the key is blocked after its `failures`-th failure in a row. */
export function blockDelayMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(BASE_DELAY_MS * 2 ** (failures - FREE_FAILURES), MAX_DELAY_MS);
}

/** Failures that count now: a quiet day wipes the slate. */
function currentFailures(row: LoginFailure | undefined, now: Date): number {
  if (!row) return 0;
  return now.getTime() - Date.parse(row.lastFailureAt) >= RESET_AFTER_MS ? 0 : row.failures;
}

/** Ask before checking the password. Blocked: answer 429 with "error.login.throttled". */
export function checkLogin(db: DB, attempt: LoginAttempt, now = new Date()): LoginCheck {
  let waitMs = 0;
  for (const key of keys(attempt)) {
    const row = getLoginFailure(db, key);
    if (!row?.blockedUntil || currentFailures(row, now) === 0) continue;
    waitMs = Math.max(waitMs, Date.parse(row.blockedUntil) - now.getTime());
  }
  return waitMs > 0
    ? { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) }
    : { allowed: true };
}

/** Counts a wrong email or password against both the account and the address. */
export function recordLoginFailure(db: DB, attempt: LoginAttempt, now = new Date()) {
  const at = now.toISOString();
  db.transaction(() => {
    for (const key of keys(attempt)) {
      const failures = currentFailures(getLoginFailure(db, key), now) + 1;
      const delay = blockDelayMs(failures);
      const blockedUntil = delay > 0 ? new Date(now.getTime() + delay).toISOString() : null;
      recordFailure(db, key, { failures, at, blockedUntil });
    }
    deleteStaleFailures(db, new Date(now.getTime() - RESET_AFTER_MS).toISOString());
  }).immediate();
}

/** A correct login clears both the account's and the address's count. */
export function recordLoginSuccess(db: DB, attempt: LoginAttempt) {
  for (const key of keys(attempt)) clearFailures(db, key);
}

/** Whole minutes for the "error.login.throttled" message ({minutes}). */
export const retryAfterMinutes = (retryAfterSeconds: number) =>
  Math.max(1, Math.ceil(retryAfterSeconds / 60));
