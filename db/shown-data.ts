/**
 * A counter that moves on every write a shared page could show (ADR 0020). Kept pages and the
 * early 304 trust a page while nothing it reads can have changed; the database's own
 * data_version moves on every commit, so during a reminder fan-out each mail the worker marked
 * sent made every page stale, though no public page shows the outbox.
 *
 * Triggers on every table except the ones below bump the counter, inside the writing
 * transaction, whichever process or connection writes. A table added later is watched by
 * default: installShownDataTriggers runs each time the database is opened.
 */
import type { DB } from "./connection";

/**
 * Tables no shared page reads: mail and its once-only claims, organisers' sessions and login
 * throttle, the audit trail. `app/platform/kept-page-inputs.test.ts` runs every shared page's
 * loaders and fails when one of them reads a table listed here.
 */
export const UNSHOWN_TABLES: readonly string[] = [
  "outbox",
  "reminders",
  "attendee_mail_claims",
  "sessions",
  "login_failures",
  "audit_log",
];

const COUNTER_TABLE = "shown_data_generation";
const TRIGGER_PREFIX = "shown_data_";

/** Creates the counter and a trigger per table and kind of write; safe to run on every open. */
export function installShownDataTriggers(db: DB): void {
  db.exec(
    `CREATE TABLE IF NOT EXISTS ${COUNTER_TABLE} (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL);
     INSERT OR IGNORE INTO ${COUNTER_TABLE} (id, n) VALUES (1, 0);`,
  );
  const tables = db
    .prepare<[], { name: string }>(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
    )
    .all()
    .map((row) => row.name)
    .filter((name) => name !== COUNTER_TABLE && !UNSHOWN_TABLES.includes(name));
  const existing = new Set(
    db
      .prepare<[], { name: string }>(`SELECT name FROM sqlite_schema WHERE type = 'trigger'`)
      .all()
      .map((row) => row.name),
  );
  const missing: string[] = [];
  for (const table of tables) {
    for (const write of ["insert", "update", "delete"]) {
      const name = `${TRIGGER_PREFIX}${table}_${write}`;
      if (existing.has(name)) continue;
      // Table names come from sqlite_schema, and ours are plain identifiers; quoted anyway.
      missing.push(
        `CREATE TRIGGER IF NOT EXISTS "${name}" AFTER ${write.toUpperCase()} ON "${table}" ` +
          `BEGIN UPDATE ${COUNTER_TABLE} SET n = n + 1 WHERE id = 1; END;`,
      );
    }
  }
  // IF NOT EXISTS: another process opening the file at the same time may have made them.
  if (missing.length > 0) db.transaction(() => db.exec(missing.join("\n"))).immediate();
}

/** Reads the counter: a new value whenever a shared page may show different data. */
export function shownDataReader(db: DB): () => number {
  const statement = db.prepare<[], { n: number }>(`SELECT n FROM ${COUNTER_TABLE} WHERE id = 1`);
  return () => statement.get()!.n;
}
