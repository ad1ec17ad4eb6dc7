/**
 * An online backup of the database while the server keeps serving:
 *
 *   npm run backup -- /var/backups/folkemote-2026-12-10.sqlite
 *
 * Uses SQLite's backup API (better-sqlite3's `db.backup()`), finds the database through the
 * app's environment (DATA_DIR), never overwrites an existing file, and only names the copy
 * once `PRAGMA integrity_check` has passed on it. Restore: stop the server, put the copy in
 * place as DATA_DIR/folkemote.sqlite (removing any folkemote.sqlite-wal and -shm beside it),
 * start the server.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { parseEnv } from "../app/platform/env.server";

const USAGE = "Usage: npm run backup -- <file>";

/** Copies `source` to `destination`; returns what the copy holds. */
async function backupDatabase(
  source: string,
  destination: string,
): Promise<{ pages: number; meetings: number; registrations: number }> {
  if (!fs.existsSync(source)) throw new Error(`No database at ${source} (is DATA_DIR right?)`);
  if (fs.existsSync(destination))
    throw new Error(`${destination} exists already; choose a new file name`);
  const partial = `${destination}.partial`;
  fs.rmSync(partial, { force: true });
  // No migrations and no writes: a backup must not change what it copies.
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    // All pages in one step: one read transaction, which WAL lets run beside the server's
    // writes. Small steps would restart the copy on every write the server makes.
    const { totalPages } = await db.backup(partial, { progress: () => 0x7fffffff });
    const copy = new Database(partial, { fileMustExist: true });
    try {
      const check = copy.pragma("integrity_check", { simple: true });
      if (check !== "ok") throw new Error(`integrity_check on the copy: ${String(check)}`);
      const count = (table: string) =>
        (copy.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      const result = {
        pages: totalPages,
        meetings: count("meetings"),
        registrations: count("registrations"),
      };
      // A single file to carry around: fold the copy's WAL back in.
      copy.pragma("journal_mode = DELETE");
      copy.close();
      fs.renameSync(partial, destination);
      return result;
    } finally {
      if (copy.open) copy.close();
    }
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
}

async function main() {
  const [file, ...rest] = process.argv.slice(2);
  if (!file || rest.length > 0 || file.startsWith("-")) {
    console.error(USAGE);
    process.exit(2);
  }
  const destination = path.resolve(file);
  const { databaseFile } = parseEnv(process.env);
  const started = Date.now();
  const copied = await backupDatabase(databaseFile, destination);
  console.log(
    `Backed up ${databaseFile} to ${destination}: ${copied.pages} pages, ${copied.meetings} meetings, ` +
      `${copied.registrations} registrations, integrity_check ok (${Date.now() - started} ms).`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
