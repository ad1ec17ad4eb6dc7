import { immediate, type DB } from "../../db/connection";
import {
  clearFailures,
  clearFailuresEndingWith,
  deleteStaleFailures,
  getLoginFailure,
  recordFailure,
  type LoginFailure,
} from "../../db/login-failures";

/**
 * Login throttling, kept in the database so a restart doesn't wipe it. Three counts:
 *
 * - per account and address ("pair"): guessing one organiser's password from one place. The
 *   first failures are free (typos happen); after that each failure blocks the pair for twice
 *   as long as the last, up to 15 minutes.
 * - per address ("ip"): trying many accounts from one place. Same, with more free failures,
 *   so a few organisers behind one office address can all mistype.
 * - per account, all addresses together ("account"): a loose ceiling on failures per clock
 *   hour, far above what one address can reach under its own limits. It only stops guessing
 *   from many addresses at once.
 *
 * So failures from one address never lock the organiser out at another. Every attempt is
 * counted before the password is hashed, in the same transaction as the check, and the
 * count is taken back when the password was right: parallel attempts cannot all slip
 * through before the first failure is written.
 */
const PAIR_FREE_FAILURES = 5;
const IP_FREE_FAILURES = 10;
export const ACCOUNT_FAILURES_PER_HOUR = 100;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 15 * 60_000;
const RESET_AFTER_MS = 24 * 3600_000;
const HOUR_MS = 3600_000;

export interface LoginAttempt {
  email: string;
  ip: string;
}

export type LoginCheck = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const normalEmail = (email: string) => email.trim().toLowerCase();
export const pairKey = (a: LoginAttempt) => `pair:${a.ip}|${normalEmail(a.email)}`;
export const ipKey = (ip: string) => `ip:${ip}`;
/** One key per account and clock hour: the hour's count starts at zero on its own. */
export const accountKey = (email: string, now: Date) =>
  `account:${now.toISOString().slice(0, 13)}|${normalEmail(email)}`;

/** How long a key is blocked after its `failures`-th failure in a row (`free` are free). */
export function blockDelayMs(failures: number, free = PAIR_FREE_FAILURES): number {
  if (failures < free) return 0;
  return Math.min(BASE_DELAY_MS * 2 ** (failures - free), MAX_DELAY_MS);
}

/** Failures that count now: a quiet day wipes the slate. */
function currentFailures(row: LoginFailure | undefined, now: Date): number {
  if (!row) return 0;
  return now.getTime() - Date.parse(row.lastFailureAt) >= RESET_AFTER_MS ? 0 : row.failures;
}

interface Counter {
  key: string;
  /** The block after this many failures, or null for none. */
  blockedUntil: (failures: number, now: Date) => Date | null;
}

function counters(attempt: LoginAttempt, now: Date): Counter[] {
  const doubling = (free: number) => (failures: number, at: Date) => {
    const delay = blockDelayMs(failures, free);
    return delay > 0 ? new Date(at.getTime() + delay) : null;
  };
  const hourEnds = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS);
  return [
    { key: pairKey(attempt), blockedUntil: doubling(PAIR_FREE_FAILURES) },
    { key: ipKey(attempt.ip), blockedUntil: doubling(IP_FREE_FAILURES) },
    {
      key: accountKey(attempt.email, now),
      blockedUntil: (failures) => (failures >= ACCOUNT_FAILURES_PER_HOUR ? hourEnds : null),
    },
  ];
}

/**
 * Call before checking the password. Blocked: answer 429 with "error.login.throttled" and
 * count nothing. Allowed: the attempt is already counted as a failure; call
 * recordLoginSuccess when the password was right.
 */
export function claimLoginAttempt(db: DB, attempt: LoginAttempt, now = new Date()): LoginCheck {
  return immediate(db, (): LoginCheck => {
    const list = counters(attempt, now);
    const rows = list.map((c) => getLoginFailure(db, c.key));
    let waitMs = 0;
    for (const row of rows) {
      if (!row?.blockedUntil || currentFailures(row, now) === 0) continue;
      waitMs = Math.max(waitMs, Date.parse(row.blockedUntil) - now.getTime());
    }
    if (waitMs > 0) return { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };

    const at = now.toISOString();
    list.forEach((counter, i) => {
      const failures = currentFailures(rows[i], now) + 1;
      const until = counter.blockedUntil(failures, now);
      recordFailure(db, counter.key, { failures, at, blockedUntil: until?.toISOString() ?? null });
    });
    deleteStaleFailures(db, new Date(now.getTime() - RESET_AFTER_MS).toISOString());
    return { allowed: true };
  });
}

/** The password was right: the attempt was no failure, and the counts start over. */
export function recordLoginSuccess(db: DB, attempt: LoginAttempt, now = new Date()) {
  immediate(db, () => {
    for (const counter of counters(attempt, now)) clearFailures(db, counter.key);
  });
}

/** A new password (command line): the account's counts from every address start over. */
export function clearAccountFailures(db: DB, email: string) {
  clearFailuresEndingWith(db, `|${normalEmail(email)}`);
}

/** Whole minutes for the "error.login.throttled" message ({minutes}). */
export const retryAfterMinutes = (retryAfterSeconds: number) =>
  Math.max(1, Math.ceil(retryAfterSeconds / 60));
