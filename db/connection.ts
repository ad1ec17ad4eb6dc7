import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { installShownDataTriggers } from "./shown-data";

export type DB = Database.Database;
/** What a citizen's row remembers of the page's language (migration 007; app/i18n's Language). */
export type StoredLanguage = "nb" | "nn" | "en" | "sma";

/** The project root: the nearest folder above this module that holds package.json. */
export function projectRoot(from = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    if (fs.existsSync(path.join(dir, "package.json"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

const migrationsDir = () => path.join(projectRoot(), "db", "migrations");

/**
 * Applies every numbered migration above PRAGMA user_version (up to `upTo`, for tests that
 * build an older database), each in its own transaction.
 */
export function migrate(db: DB, upTo = Number.POSITIVE_INFINITY): number {
  const current = db.pragma("user_version", { simple: true }) as number;
  const files = fs
    .readdirSync(migrationsDir())
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort();
  let version = current;
  for (const file of files) {
    const number = Number.parseInt(file.slice(0, 3), 10);
    if (number <= current || number > upTo) continue;
    const sql = fs.readFileSync(path.join(migrationsDir(), file), "utf8");
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${number}`);
    }).immediate();
    version = number;
  }
  return version;
}

/** Opens (creating if needed) the SQLite file with the pragmas every connection needs, and migrates it. */
export function openDatabase(file: string): DB {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  // FULL: in WAL mode, NORMAL may lose the last commits on power loss, and those are sign-ups
  // the citizen was already told about. The cost (an fsync per commit, about 2 ms on a
  // test machine) is nothing at our write volume. See ADR 0002.
  db.pragma("synchronous = FULL");
  // SQLite's own default page cache (2 MB) instead of better-sqlite3's 16 MB: the file is in
  // the OS page cache anyway, and a second copy inside the process only raised its resident
  // memory under load (ADR 0009).
  db.pragma("cache_size = -2000");
  // Deleted and overwritten content is zeroed in the file, not left in free space: erasing a
  // person must leave no byte of them behind (retention, ADR 0012). It costs one more page
  // written for each page freed, about a third more WAL on a sent mail's cleared payload.
  db.pragma("secure_delete = ON");
  const before = db.pragma("user_version", { simple: true }) as number;
  migrate(db);
  // A file written before secure_delete still holds what it deleted in its free space: one
  // VACUUM rewrites it with live content only.
  if (before > 0 && before < SECURE_DELETE_SINCE) {
    db.exec("VACUUM");
    truncateWal(db);
  }
  installShownDataTriggers(db);
  keepStatements(db);
  return db;
}

/** The migration that came with secure_delete. */
const SECURE_DELETE_SINCE = 10;

/**
 * Moves everything in the WAL into the database file and empties the WAL, so no older copy of
 * a page (holding what was since erased) stays in it. Waits for nobody: with another process
 * reading (a backup), it returns false and the caller tries again later.
 */
export function truncateWal(db: DB): boolean {
  const timeout = db.pragma("busy_timeout", { simple: true }) as number;
  db.pragma("busy_timeout = 0");
  try {
    const [result] = db.pragma("wal_checkpoint(TRUNCATE)") as { busy: number }[];
    return result?.busy === 0;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}

const MAX_KEPT_STATEMENTS = 1000;

/**
 * Compiling SQL costs more than running most of our queries (a page load prepares a dozen),
 * so each distinct SQL text is prepared once per connection and the statement reused. Safe
 * because no module changes a statement's mode (pluck/raw/expand/safeIntegers) or iterates
 * one while running it again; SQL built with a varying number of `?` stays bounded by the cap.
 */
function keepStatements(db: DB) {
  const prepare = db.prepare.bind(db);
  const kept = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let statement = kept.get(sql);
    if (!statement) {
      if (kept.size >= MAX_KEPT_STATEMENTS) kept.clear();
      statement = prepare(sql);
      kept.set(sql, statement);
    }
    return statement;
  }) as DB["prepare"];
}

/**
 * Runs fn in a BEGIN IMMEDIATE transaction: the write lock is taken up front, so two
 * processes checking seats at once cannot both read "free" and both write.
 */
export function immediate<T>(db: DB, fn: () => T): T {
  return db.transaction(fn).immediate();
}

/**
 * Runs `write` as a commit that does not wait for the disk: `synchronous = NORMAL` for it
 * alone, FULL again after. For the mail worker's marks (sending, sent, failed, dropped),
 * which at a reminder fan-out come hundreds a second, each fsync holding the request loop
 * for a fifth of a millisecond. Such a commit survives a crash of the process like any other
 * (it is in the WAL); only a power cut can take it, and with it the mark: the message is then
 * sent again, as after any interrupted send (at-least-once, ADR 0003). The next FULL commit
 * (a sign-up, a queued mail) or checkpoint makes it durable too. Inside a transaction the
 * transaction's own commit decides, so `write` runs as it is. ADR 0021.
 */
export function withoutWaitingForDisk<T>(db: DB, write: () => T): T {
  if (db.inTransaction) return write();
  db.prepare("PRAGMA synchronous = NORMAL").run();
  try {
    return write();
  } finally {
    db.prepare("PRAGMA synchronous = FULL").run();
  }
}

export const nowIso = () => new Date().toISOString();
