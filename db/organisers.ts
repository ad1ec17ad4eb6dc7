import { nowIso, type DB } from "./connection";

export type OrganiserRole = "admin" | "organiser";

export interface Organiser {
  id: number;
  email: string;
  name: string;
  role: OrganiserRole;
  createdAt: string;
  updatedAt: string;
  disabledAt: string | null;
}

/** Only for checking a login; everything else works with Organiser. */
export interface OrganiserWithPassword extends Organiser {
  passwordHash: string;
}

export interface NewOrganiser {
  email: string;
  name: string;
  role: OrganiserRole;
  passwordHash: string;
}

export const organiserColumns = `id, email, name, role, created_at AS createdAt,
  updated_at AS updatedAt, disabled_at AS disabledAt`;

/**
 * The stored form of an address. SQLite's NOCASE folds ASCII only, so "Ø" and "ø" would be
 * two accounts; lower-casing here makes the look-up case-insensitive for every letter.
 */
export const organiserEmailKey = (email: string) => email.trim().toLowerCase();

export function countOrganisers(db: DB): number {
  return db.prepare<unknown[], { n: number }>("SELECT count(*) AS n FROM organisers").get()!.n;
}

/** Throws SQLITE_CONSTRAINT_UNIQUE when the address is taken. */
export function insertOrganiser(db: DB, input: NewOrganiser): number {
  const now = nowIso();
  const result = db
    .prepare(
      `INSERT INTO organisers (email, name, role, password_hash, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(
      organiserEmailKey(input.email),
      input.name.trim(),
      input.role,
      input.passwordHash,
      now,
      now,
    );
  return Number(result.lastInsertRowid);
}

export function getOrganiserById(db: DB, id: number): Organiser | undefined {
  return db.prepare(`SELECT ${organiserColumns} FROM organisers WHERE id = ?`).get(id) as
    Organiser | undefined;
}

export function getOrganiserByEmail(db: DB, email: string): OrganiserWithPassword | undefined {
  return db
    .prepare<unknown[], OrganiserWithPassword>(
      `SELECT ${organiserColumns}, password_hash AS passwordHash FROM organisers WHERE email = ?`,
    )
    .get(organiserEmailKey(email));
}

export function listOrganisers(db: DB): Organiser[] {
  return db
    .prepare<unknown[], Organiser>(
      `SELECT ${organiserColumns} FROM organisers ORDER BY name COLLATE NOCASE, id`,
    )
    .all();
}

export function setPasswordHash(db: DB, id: number, passwordHash: string) {
  db.prepare("UPDATE organisers SET password_hash = ?, updated_at = ? WHERE id = ?").run(
    passwordHash,
    nowIso(),
    id,
  );
}

/** Disabling keeps the first time it happened; enabling clears it. */
export function setDisabled(db: DB, id: number, disabled: boolean) {
  const now = nowIso();
  db.prepare(
    `UPDATE organisers SET updated_at = ?,
       disabled_at = CASE WHEN ? THEN coalesce(disabled_at, ?) ELSE NULL END
     WHERE id = ?`,
  ).run(now, disabled ? 1 : 0, now, id);
}
