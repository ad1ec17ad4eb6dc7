/**
 * Login throttling, kept in the database so a restart doesn't wipe it. Three counts:
 *
 * - per account and address ("pair"): guessing one organiser's password from one place. The
 *   first failures are free (typos happen); after that each failure blocks the pair for twice
 *   as long as the last, up to 15 minutes.
 * - per address and day ("ip"): trying many accounts from one place. Same, with more free
 *   failures, so a few organisers behind one office address can all mistype; the day's count
 *   starts at zero on its own, so an office's typos don't pile up for good.
 * - per account, all addresses together ("account"): a loose ceiling on failures per clock
 *   hour, far above what one address can reach under its own limits. It only stops guessing
 *   from many addresses at once.
 *
 * So failures from one address never lock the organiser out at another. Every attempt is
 * counted before the password is hashed, in the same transaction as the check, and the
 * count is taken back when the password was right: parallel attempts cannot all slip
 * through before the first failure is written. A right password clears only its own pair:
 * the address and account counts keep every failure, or anyone with an account could log in
 * between guesses at other accounts and never be blocked.
 */
import { immediate, type DB } from "../../db/connection";
import {
  clearFailures,
  clearFailuresEndingWith,
  deleteStaleFailures,
  getLoginFailure,
  recordFailure,
  type LoginFailure,
} from "../../db/login-failures";

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
/** One key per address and UTC day. */
export const ipKey = (ip: string, now: Date) => `ip:${now.toISOString().slice(0, 10)}|${ip}`;
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

/** How long the key must still wait, in ms (0 when it may try). */
function waitMs(row: LoginFailure | undefined, now: Date): number {
  if (!row?.blockedUntil || currentFailures(row, now) === 0) return 0;
  return Math.max(0, Date.parse(row.blockedUntil) - now.getTime());
}

const refusedFor = (ms: number): LoginCheck =>
  ms > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(ms / 1000) } : { allowed: true };

interface Counter {
  key: string;
  /** The block after this many failures, or null for none. */
  blockedUntil: (failures: number, now: Date) => Date | null;
  /** Whether a right password clears the count, or only takes its own attempt back. */
  clearedBySuccess: boolean;
}

function counters(attempt: LoginAttempt, now: Date): Counter[] {
  const doubling = (free: number) => (failures: number, at: Date) => {
    const delay = blockDelayMs(failures, free);
    return delay > 0 ? new Date(at.getTime() + delay) : null;
  };
  const hourEnds = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS);
  return [
    { key: pairKey(attempt), blockedUntil: doubling(PAIR_FREE_FAILURES), clearedBySuccess: true },
    {
      key: ipKey(attempt.ip, now),
      blockedUntil: doubling(IP_FREE_FAILURES),
      clearedBySuccess: false,
    },
    {
      key: accountKey(attempt.email, now),
      blockedUntil: (failures) => (failures >= ACCOUNT_FAILURES_PER_HOUR ? hourEnds : null),
      clearedBySuccess: false,
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
    const refused = refusedFor(Math.max(...rows.map((row) => waitMs(row, now))));
    if (!refused.allowed) return refused;

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

/**
 * Before the login form is read: whether the address is blocked whatever account it names,
 * so a blocked address costs no parsing. Counts nothing; claimLoginAttempt still decides.
 */
export function checkLoginAddress(db: DB, ip: string, now = new Date()): LoginCheck {
  return refusedFor(waitMs(getLoginFailure(db, ipKey(ip, now)), now));
}

/**
 * The password was right: the attempt was no failure. The pair's count starts over (the
 * organiser's own typos); the address and account counts only lose this attempt, and their
 * block is what their remaining failures earned.
 */
export function recordLoginSuccess(db: DB, attempt: LoginAttempt, now = new Date()) {
  immediate(db, () => {
    for (const counter of counters(attempt, now)) {
      const row = getLoginFailure(db, counter.key);
      const failures = (row?.failures ?? 0) - 1;
      if (counter.clearedBySuccess || !row || failures <= 0) {
        clearFailures(db, counter.key);
        continue;
      }
      const until = counter.blockedUntil(failures, new Date(row.lastFailureAt));
      recordFailure(db, counter.key, {
        failures,
        at: row.lastFailureAt,
        blockedUntil: until?.toISOString() ?? null,
      });
    }
  });
}

/** A new password (command line): the account's counts from every address start over. */
export function clearAccountFailures(db: DB, email: string) {
  clearFailuresEndingWith(db, `|${normalEmail(email)}`);
}

/** Whole minutes for the "error.login.throttled" message ({minutes}). */
export const retryAfterMinutes = (retryAfterSeconds: number) =>
  Math.max(1, Math.ceil(retryAfterSeconds / 60));
