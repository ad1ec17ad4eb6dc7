import type { DB } from "./connection";

/**
 * The benchmark's "bare insert" baseline: one row in a table of its own. Created on first use
 * rather than by a migration, because it exists only in the throwaway databases `npm run bench`
 * starts the server on (BENCH_BASELINES=1); a real deployment never has it.
 */
export function insertBenchRow(db: DB, name: string, email: string): number {
  db.exec(
    "CREATE TABLE IF NOT EXISTS bench_rows (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, created_at TEXT NOT NULL)",
  );
  const { lastInsertRowid } = db
    .prepare("INSERT INTO bench_rows (name, email, created_at) VALUES (?, ?, ?)")
    .run(name, email, new Date().toISOString());
  return Number(lastInsertRowid);
}
