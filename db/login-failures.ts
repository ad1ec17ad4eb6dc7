import type { DB } from "./connection";

/**
 * Failed logins for one key: "pair:<address>|<email>", "ip:<yyyy-mm-dd>|<address>" or
 * "account:<yyyy-mm-ddThh>|<email>" (app/auth/throttle.server.ts decides what they mean).
 */
export interface LoginFailure {
  key: string;
  failures: number;
  lastFailureAt: string;
  blockedUntil: string | null;
}

export function getLoginFailure(db: DB, key: string): LoginFailure | undefined {
  return db
    .prepare<unknown[], LoginFailure>(
      `SELECT key, failures, last_failure_at AS lastFailureAt, blocked_until AS blockedUntil
       FROM login_failures WHERE key = ?`,
    )
    .get(key);
}

/** Stores the new state for a key; the caller counts and decides the block. */
export function recordFailure(
  db: DB,
  key: string,
  state: { failures: number; at: string; blockedUntil: string | null },
) {
  db.prepare(
    `INSERT INTO login_failures (key, failures, last_failure_at, blocked_until) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET failures = excluded.failures,
       last_failure_at = excluded.last_failure_at, blocked_until = excluded.blocked_until`,
  ).run(key, state.failures, state.at, state.blockedUntil);
}

export function clearFailures(db: DB, key: string) {
  db.prepare("DELETE FROM login_failures WHERE key = ?").run(key);
}

/** Forgets keys whose last failure is older than `before` and that are no longer blocked. */
export function deleteStaleFailures(db: DB, before: string): number {
  return db
    .prepare(
      `DELETE FROM login_failures
       WHERE last_failure_at < ? AND (blocked_until IS NULL OR blocked_until < ?)`,
    )
    .run(before, before).changes;
}

/** Forgets every key that ends with `suffix` (one account's keys, whatever the address). */
export function clearFailuresEndingWith(db: DB, suffix: string): number {
  return db
    .prepare("DELETE FROM login_failures WHERE length(key) >= ? AND substr(key, -?) = ?")
    .run([...suffix].length, [...suffix].length, suffix).changes;
}
