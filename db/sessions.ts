import { nowIso, type DB } from "./connection";
import { organiserColumns, type Organiser } from "./organisers";

export interface Session {
  /** SHA-256 (hex) of the id in the cookie; the id itself is never stored. */
  idHash: string;
  organiserId: number;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

const sessionColumns = `s.id_hash AS idHash, s.organiser_id AS organiserId,
  s.created_at AS createdAt, s.last_seen_at AS lastSeenAt, s.expires_at AS expiresAt`;

export function insertSession(
  db: DB,
  idHash: string,
  organiserId: number,
  expiresAt: string,
  now = nowIso(),
) {
  db.prepare(
    `INSERT INTO sessions (id_hash, organiser_id, created_at, last_seen_at, expires_at)
     VALUES (?, ?, ?, ?, ?)`,
  ).run(idHash, organiserId, now, now, expiresAt);
}

/** A live session and its organiser; nothing when expired or the organiser is disabled. */
export function getSessionWithOrganiser(
  db: DB,
  idHash: string,
  now = nowIso(),
): { session: Session; organiser: Organiser } | undefined {
  const session = db
    .prepare<unknown[], Session>(
      `SELECT ${sessionColumns} FROM sessions s JOIN organisers o ON o.id = s.organiser_id
       WHERE s.id_hash = ? AND s.expires_at > ? AND o.disabled_at IS NULL`,
    )
    .get(idHash, now);
  if (!session) return undefined;
  const organiser = db
    .prepare<unknown[], Organiser>(`SELECT ${organiserColumns} FROM organisers WHERE id = ?`)
    .get(session.organiserId)!;
  return { session, organiser };
}

export function touchSession(db: DB, idHash: string, lastSeenAt: string, expiresAt: string) {
  db.prepare("UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id_hash = ?").run(
    lastSeenAt,
    expiresAt,
    idHash,
  );
}

export function deleteSession(db: DB, idHash: string) {
  db.prepare("DELETE FROM sessions WHERE id_hash = ?").run(idHash);
}

/** Logs an organiser out everywhere, or everywhere but the session given. Returns the count. */
export function deleteSessionsForOrganiser(
  db: DB,
  organiserId: number,
  exceptIdHash?: string,
): number {
  return db
    .prepare("DELETE FROM sessions WHERE organiser_id = ? AND id_hash IS NOT ?")
    .run(organiserId, exceptIdHash ?? null).changes;
}

export function deleteExpiredSessions(db: DB, now = nowIso()): number {
  return db.prepare("DELETE FROM sessions WHERE expires_at <= ?").run(now).changes;
}

export function countSessionsForOrganiser(db: DB, organiserId: number): number {
  return db
    .prepare<
      unknown[],
      {
        n: number;
      }
    >("SELECT count(*) AS n FROM sessions WHERE organiser_id = ?")
    .get(organiserId)!.n;
}
